/**
 * node --import tsx scripts/check-secrets.ts [DIR]
 *
 * After a production build: no file under DIR (default .next/) may contain a secret. The secrets
 * are the values of secret-looking variables (…MASTER_KEY, …SECRET, …PASSWORD, …API_KEY, ADMIN_…KEY)
 * in the environment and in the project's .env files, plus every key with more than search rights
 * of the local embedded Meilisearch when it runs (data/meili/instance.json). scripts/test-all.mjs
 * builds with canary values of MEILI_MASTER_KEY and AUTH_SECRET and runs this right after.
 * No file may be an .env file or a copy of the data folder's admin users or engine database either.
 * Exit code 0: clean; 1: a secret or a private file was found (file and variable printed, never the value); 2: no build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnvFile, projectRoot } from '../lib/config/local-env';

export interface Secret {
  /** Where it came from, e.g. "MEILI_MASTER_KEY (environment)"; the value is never printed. */
  name: string;
  value: string;
}

export interface Finding {
  file: string;
  secret: string;
}

const SECRET_NAME = /(MASTER_KEY|SECRET|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|ADMIN_[A-Z_]*KEY|TOKEN)$/i;
/** Short values would match by chance (and are no secrets worth the name). */
const MIN_LENGTH = 12;
const ENV_FILES = ['.env', '.env.local', '.env.production', '.env.production.local'];

/** Secret values from an environment and the .env files of `root`. */
export function secretsFrom(env: Record<string, string | undefined>, root: string): Secret[] {
  const found = new Map<string, Secret>();
  const add = (name: string, value: string | undefined, where: string) => {
    if (!value || value.length < MIN_LENGTH || !SECRET_NAME.test(name) || found.has(value)) return;
    found.set(value, { name: `${name} (${where})`, value });
  };
  for (const [name, value] of Object.entries(env)) add(name, value, 'environment');
  for (const file of ENV_FILES) {
    const full = path.join(root, file);
    if (existsSync(full)) for (const [name, value] of Object.entries(parseEnvFile(readFileSync(full, 'utf8')))) add(name, value, file);
  }
  return [...found.values()];
}

/** Keys of the local embedded Meilisearch that can do more than search, when it runs and a master key is known. */
async function engineKeys(root: string, masterKeys: readonly string[]): Promise<Secret[]> {
  let url: string;
  try {
    url = (JSON.parse(readFileSync(path.join(root, 'data', 'meili', 'instance.json'), 'utf8')) as { url: string }).url;
  } catch {
    return [];
  }
  for (const key of masterKeys) {
    try {
      const response = await fetch(`${url}/keys?limit=1000`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(2000) });
      if (!response.ok) continue;
      const body = (await response.json()) as { results: Array<{ name: string | null; key: string; actions: string[] }> };
      return body.results
        .filter((k) => !(k.actions.length === 1 && k.actions[0] === 'search'))
        .map((k) => ({ name: `Meilisearch key "${k.name ?? 'unnamed'}" (${k.actions.join(',')})`, value: k.key }));
    } catch {
      // Not running or not ours.
    }
  }
  return [];
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Every file under `dir` that holds one of the secrets (as raw bytes; they are ASCII). */
export function findSecrets(dir: string, secrets: readonly Secret[]): Finding[] {
  const findings: Finding[] = [];
  if (secrets.length === 0) return findings;
  const needles = secrets.map((s) => ({ name: s.name, bytes: Buffer.from(s.value) }));
  for (const file of filesUnder(dir)) {
    if (statSync(file).size === 0) continue;
    const content = readFileSync(file);
    for (const needle of needles) {
      if (content.includes(needle.bytes)) findings.push({ file: path.relative(dir, file), secret: needle.name });
    }
  }
  return findings;
}

/**
 * Files that must never be in a build whatever they hold: .env files, and the private parts of a
 * data folder (the admin users file, the embedded Meilisearch's database, whose keys are stored
 * in binary form that the scan above may not see).
 */
const PRIVATE_FILE = /(?:^|[\\/])(?:\.env[^\\/]*|data[\\/](?:admin|meili)[\\/].*)$/;

export function findPrivateFiles(dir: string): string[] {
  return [...filesUnder(dir)].map((file) => path.relative(dir, file)).filter((file) => PRIVATE_FILE.test(file));
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? path.join(projectRoot, '.next'));
  if (!existsSync(dir)) {
    process.stderr.write(`check-secrets: ${dir} does not exist (run next build first)\n`);
    process.exit(2);
  }
  const secrets = secretsFrom(process.env, projectRoot);
  const masters = secrets.filter((s) => s.name.startsWith('MEILI_MASTER_KEY')).map((s) => s.value);
  secrets.push(...(await engineKeys(projectRoot, masters)));
  const started = performance.now();
  const findings = findSecrets(dir, secrets);
  const files = [...filesUnder(dir)].length;
  const privateFiles = findPrivateFiles(dir);
  if (findings.length > 0 || privateFiles.length > 0) {
    for (const f of findings) process.stderr.write(`check-secrets: ${f.file} contains ${f.secret}\n`);
    for (const f of privateFiles)
      process.stderr.write(
        `check-secrets: ${f} is a private file (an .env file or the data folder's admin users or engine database) and must not be in a build\n`,
      );
    process.exit(1);
  }
  process.stdout.write(
    `check-secrets: ${files} files under ${path.relative(projectRoot, dir) || dir} hold none of ${secrets.length} secret(s): ${secrets.map((s) => s.name).join(', ') || 'none known'} (${Math.round(performance.now() - started)} ms)\n`,
  );
  if (secrets.length === 0) process.stdout.write('check-secrets: warning: no secret was known to look for\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
