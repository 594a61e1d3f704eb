import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../config';
import { hashPassword, parseAdminUsers, userLine } from './users';

/**
 * The embedded default's first admin: when the operator has defined none (no ADMIN_USERS, no
 * users file or an empty one), `npm run portal` creates `admin@localhost` with a random password,
 * stores only its bcrypt hash in the users file (mode 600) and prints the password once.
 *
 * A file rather than ADMIN_USERS in .env.local: Next expands `$…` in .env files, which would
 * silently cut a bcrypt hash (`$2b$12$…`) to pieces.
 */

export const FIRST_ADMIN_EMAIL = 'admin@localhost';

/** `adminUsers`: the ADMIN_USERS pairs. */
export function hasAdmins(usersFile: string, adminUsers = config().adminUsers): boolean {
  if (adminUsers.trim()) return true;
  if (!existsSync(usersFile)) return false;
  return parseAdminUsers(readFileSync(usersFile, 'utf8'), usersFile).length > 0;
}

function generatePassword(): string {
  // 18 random bytes → 24 characters of base64url: ~144 bits.
  return randomBytes(18).toString('base64url');
}

/** Creates the first admin when there is none; returns the one-time password, or null. */
export async function ensureFirstAdmin(usersFile: string, adminUsers = config().adminUsers): Promise<{ email: string; password: string } | null> {
  if (hasAdmins(usersFile, adminUsers)) return null;
  const password = generatePassword();
  const hash = await hashPassword(password);
  mkdirSync(path.dirname(usersFile), { recursive: true });
  const header = '# Nianbao admins: one "email:bcrypt-hash" a line (npm run admin:add -- EMAIL prints one).\n';
  writeFileSync(usersFile, `${header}${userLine(FIRST_ADMIN_EMAIL, hash)}\n`, { mode: 0o600 });
  chmodSync(usersFile, 0o600);
  return { email: FIRST_ADMIN_EMAIL, password };
}
