import { existsSync, readFileSync } from 'node:fs';
import bcrypt from 'bcryptjs';
import { type Config, config } from '../config';

/**
 * The admins, as the operator defines them: `ADMIN_USERS` (pairs `email:bcrypt-hash`, separated by
 * commas, semicolons or new lines) and the users file (`ADMIN_USERS_FILE`, default
 * `<data>/admin/users`, one pair a line, `#` comments). Only hashes are stored anywhere; there is no
 * built-in account or password.
 */

export interface AdminUser {
  email: string;
  hash: string;
}

/** bcrypt cost: ~100 ms a check here, slow enough to make guessing expensive. */
const BCRYPT_COST = 12;

const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;
const EMAIL = /^[^\s@:]+@[^\s@:]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isValidEmail(email: string): boolean {
  return EMAIL.test(normalizeEmail(email)) && email.length <= 254;
}

export class AdminUsersError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminUsersError';
  }
}

/** Parses `email:hash` pairs; a malformed pair is an error naming its position (never its hash). */
export function parseAdminUsers(text: string, origin = 'ADMIN_USERS'): AdminUser[] {
  const users: AdminUser[] = [];
  const entries = text
    .split(/[\n;,]/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
  entries.forEach((entry, i) => {
    const at = entry.lastIndexOf(':');
    const email = normalizeEmail(entry.slice(0, at));
    const hash = entry.slice(at + 1).trim();
    if (at <= 0 || !isValidEmail(email) || !BCRYPT_HASH.test(hash)) {
      // A hash that lost its `$…` parts usually went through a .env file unescaped (write `\$`).
      throw new AdminUsersError(
        `${origin}: entry ${i + 1} is not "email:bcrypt-hash" (make one with npm run admin:add -- EMAIL; in .env files write each $ as \\$)`,
      );
    }
    users.push({ email, hash });
  });
  return users;
}

/** ADMIN_USERS first, then the file; the first entry for an email wins. Read on every sign-in, so edits apply without a restart. */
export function readAdminUsers(c: Config = config()): AdminUser[] {
  const users = parseAdminUsers(c.adminUsers, 'ADMIN_USERS');
  const file = c.data.users;
  if (existsSync(file)) users.push(...parseAdminUsers(readFileSync(file, 'utf8'), file));
  const seen = new Set<string>();
  return users.filter((user) => !seen.has(user.email) && seen.add(user.email));
}

export function hashPassword(password: string, cost = BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

// Compared against when the email is unknown, so an unknown account costs as much time as a known one.
const DUMMY_HASH = '$2b$12$u8Faq9qfR09KxTyJ6BLkFOtEbSNIj1N9XIjAD4RQrAFKAuRukdnd2';

/** The admin's email when the password is right, else null. */
export async function verifyAdmin(email: string, password: string, users: readonly AdminUser[]): Promise<string | null> {
  const wanted = normalizeEmail(email);
  const user = users.find((candidate) => candidate.email === wanted);
  const ok = await bcrypt.compare(password, user?.hash ?? DUMMY_HASH);
  return ok && user ? user.email : null;
}

export function userLine(email: string, hash: string): string {
  return `${normalizeEmail(email)}:${hash}`;
}
