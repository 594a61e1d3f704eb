/**
 * npm run admin:add -- EMAIL [--write]
 *
 * Asks for a password (twice, not echoed; or one line on stdin when it is not a terminal), hashes
 * it with bcrypt and prints the line to add: to the users file (ADMIN_USERS_FILE, default
 * <data>/admin/users) or, escaped for .env files, to ADMIN_USERS. With --write the line is
 * appended to the users file (an existing entry for the email is replaced). Never prints the password.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { hashPassword, isValidEmail, normalizeEmail, userLine } from '../lib/auth/users';
import { config } from '../lib/config';
import { parseCommandLine } from './support/cli';

const USAGE = 'usage: npm run admin:add -- EMAIL [--write]';
const MIN_LENGTH = 12;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** One line from a terminal without echoing it, or from piped stdin. */
function readSecret(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true });
    if (process.stdin.isTTY) {
      process.stderr.write(prompt);
      // Mute the echo: readline writes typed characters through _writeToOutput.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    }
    rl.once('line', (line) => {
      if (process.stdin.isTTY) process.stderr.write('\n');
      resolve(line);
      rl.close();
    });
    rl.once('close', () => resolve(''));
  });
}

const { values, positionals: emails } = parseCommandLine('npm run admin:add', USAGE, { write: { type: 'boolean', default: false } });
const { write } = values;
if (emails.length !== 1) fail(USAGE);
const email = normalizeEmail(emails[0]);
if (!isValidEmail(email)) fail(`not an email address: ${emails[0]}`);

const password = await readSecret(`password for ${email}: `);
if (password.length < MIN_LENGTH) fail(`the password must have at least ${MIN_LENGTH} characters`);
if (process.stdin.isTTY) {
  const again = await readSecret('again: ');
  if (again !== password) fail('the two passwords differ');
}

const line = userLine(email, await hashPassword(password));
if (write) {
  const file = config().data.users;
  mkdirSync(path.dirname(file), { recursive: true });
  const kept = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((existing) => existing.trim() && !existing.trim().toLowerCase().startsWith(`${email}:`))
    : [];
  writeFileSync(file, `${[...kept, line].join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  process.stderr.write(`added ${email} to ${file}\n`);
} else {
  process.stderr.write(`add this line to the users file (${config().data.users}):\n`);
  process.stdout.write(`${line}\n`);
  process.stderr.write(`or to ADMIN_USERS (comma-separated); in a .env file escape each $ as \\$:\n  ADMIN_USERS=${line.replace(/\$/g, '\\$')}\n`);
}
