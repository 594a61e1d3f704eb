import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'dotenv';

/**
 * The repository root (this file is lib/config/local-env.ts). Not `new URL('../..', import.meta.url)`:
 * Turbopack takes that for an asset reference and fails the build when the indexer (which imports
 * this module) is bundled into the app for /admin.
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The git-ignored env file that keeps this checkout's generated secrets. */
export function localEnvPath(rootDir = projectRoot): string {
  return path.join(rootDir, '.env.local');
}

/** KEY=VALUE lines as dotenv reads them: comments, blanks and `export ` prefixes allowed, quotes removed. */
export function parseEnvFile(text: string): Record<string, string> {
  return parse(text);
}

function readLocalEnv(rootDir = projectRoot): Record<string, string> {
  const file = localEnvPath(rootDir);
  return existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
}

export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export interface LocalSecrets {
  MEILI_MASTER_KEY: string;
  AUTH_SECRET: string;
}

/**
 * Makes sure .env.local holds a Meilisearch master key (for the embedded server) and an
 * AUTH_SECRET (for sign-in). Missing ones are generated and appended; existing values are never
 * touched. Returns the values in the file.
 */
export function ensureLocalSecrets(rootDir = projectRoot): LocalSecrets & { created: string[] } {
  const file = localEnvPath(rootDir);
  const current = readLocalEnv(rootDir);
  const created: string[] = [];
  const lines: string[] = [];
  for (const [name, why] of [
    ['MEILI_MASTER_KEY', 'master key of the embedded Meilisearch (npm run portal / npm run index without MEILI_URL)'],
    ['AUTH_SECRET', 'signs sign-in sessions'],
  ] as const) {
    if (current[name]) continue;
    const value = generateSecret();
    current[name] = value;
    created.push(name);
    lines.push(`# ${why}; generated, keep it secret`, `${name}=${value}`);
  }
  if (lines.length > 0) {
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const separator = existing && !existing.endsWith('\n') ? '\n' : '';
    appendFileSync(file, `${separator}${lines.join('\n')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { MEILI_MASTER_KEY: current.MEILI_MASTER_KEY, AUTH_SECRET: current.AUTH_SECRET, created };
}
