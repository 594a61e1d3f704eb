import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { type DataPaths, dataPaths } from './paths';

/**
 * The configuration: every environment variable the project reads, in one zod schema, read once
 * per process (`config()`) and handed around as typed values. Nothing else reads process.env for
 * a setting. README.md lists the variables; `loadConfig(env)` is the pure reader the tests use.
 *
 * The web app only ever gets a search-only key and a scoped indexing key (`appSearchTarget`,
 * `indexingTarget` refuse the master key), so the master key never reaches a page or a bundle.
 */

export type Env = Record<string, string | undefined>;

// An empty variable (`MEILI_URL=`) means "not set".
const emptyAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUnset, schema.optional());

const urlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL, e.g. http://127.0.0.1:7700')
  .transform((value) => value.replace(/\/+$/, ''));

/** Meilisearch index uids: letters, digits, '-' and '_'. The build index appends `_build_<time>`. */
const indexNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, "must use only letters, digits, '-' and '_' (at most 200 characters)");

const DEFAULT_CACHE_SECONDS = 60;

/** A name in a Meilisearch network (PATCH /network `self` and `remotes`). */
const remoteNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "names must use only letters, digits, '-' and '_'");

/**
 * NIANBAO_MEILI_REMOTES: the instances of a Meilisearch network, `name=url` separated by commas
 * (docs/scale-network.md), e.g. `ms0=http://10.0.0.1:7700,ms1=http://10.0.0.2:7700`. Unset: one instance.
 */
const remotesSchema = z.string().transform((value, ctx) => {
  const remotes: Array<{ name: string; url: string }> = [];
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf('=');
    const name = remoteNameSchema.safeParse(at > 0 ? part.slice(0, at).trim() : '');
    const url = urlSchema.safeParse(at > 0 ? part.slice(at + 1) : '');
    if (!name.success || !url.success) {
      ctx.addIssue({ code: 'custom', message: `"${part}" must be name=http://host:port (name: letters, digits, '-' and '_')` });
      return z.NEVER;
    }
    if (remotes.some((r) => r.name === name.data)) {
      ctx.addIssue({ code: 'custom', message: `the name "${name.data}" is given twice` });
      return z.NEVER;
    }
    remotes.push({ name: name.data, url: url.data });
  }
  return remotes;
});

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUnset, z.enum(['development', 'production', 'test']).default('development')),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  MEILI_URL: optional(urlSchema),
  MEILI_MASTER_KEY: optional(z.string().min(16, 'must be at least 16 characters long')),
  MEILI_INDEX: z.preprocess(emptyAsUnset, indexNameSchema.default('reports')),
  MEILI_SEARCH_KEY: optional(z.string().trim()),
  MEILI_ADMIN_KEY: optional(z.string().trim()),
  // Threads the embedded Meilisearch indexes with; default every core (its own default is half).
  MEILI_INDEXING_THREADS: optional(z.coerce.number().int().min(1).max(1024)),
  NIANBAO_MEILI_REMOTES: optional(remotesSchema),
  AUTH_SECRET: optional(z.string()),
  NIANBAO_DATA_DIR: optional(z.string().trim()),
  // A whole number of seconds, 0–3600; anything else falls back to the default (a typo must not
  // turn the cache off or make it keep answers for a day).
  NIANBAO_SEARCH_CACHE_SECONDS: z.preprocess(
    emptyAsUnset,
    z.coerce.number().int().min(0).max(3600).default(DEFAULT_CACHE_SECONDS).catch(DEFAULT_CACHE_SECONDS),
  ),
  NIANBAO_LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  ADMIN_USERS: z.string().default(''),
  ADMIN_USERS_FILE: optional(z.string().trim()),
  // Only for tests and local demos: lets the harvester fetch from 127.0.0.0/8 and ::1 (private,
  // link-local and the other ranges stay refused). A word it does not know is an error, not "off".
  NIANBAO_HARVEST_ALLOW_LOOPBACK: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z
      .enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'must be 1 or 0 (true/false)' })
      .default('0')
      .transform((value) => value === '1' || value === 'true' || value === 'yes'),
  ),
});

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number | undefined;
  /** The engine as scripts and the indexer see it; no URL means "the embedded one". */
  /** `indexingThreads`: for the embedded engine only (an external one has its own options). */
  meili: { url?: string; masterKey?: string; index: string; indexingThreads: number };
  /**
   * The instances of a Meilisearch network (NIANBAO_MEILI_REMOTES), each holding the reports of
   * some provinces; null (the default): one instance holds everything. MEILI_URL is the one the
   * app sends its federated searches to (docs/scale-network.md).
   */
  remotes: Array<{ name: string; url: string }> | null;
  /** The app's scoped keys (MEILI_SEARCH_KEY, MEILI_ADMIN_KEY). */
  keys: { search?: string; admin?: string };
  authSecret: string | undefined;
  /** The data folder and everything in it (NIANBAO_DATA_DIR, default ./data). */
  data: DataPaths;
  /** `email:bcrypt-hash` pairs from ADMIN_USERS; the users file is `data.users`. */
  adminUsers: string;
  searchCacheMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The harvester (lib/harvest): `allowLoopback` from NIANBAO_HARVEST_ALLOW_LOOPBACK, for tests and local demos only. */
  harvest: { allowLoopback: boolean };
}

/** A variable with a value that cannot be used; the message names each one. */
export class ConfigError extends Error {
  constructor(readonly details: string) {
    super(`Invalid configuration: ${details}`);
    this.name = 'ConfigError';
  }
}

/** The configuration an environment describes. Throws ConfigError naming each bad variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`).join('; '));
  }
  const e = result.data;
  // turbopackIgnore: a runtime folder, not a source file the build should trace into the bundle.
  const dataRoot = path.resolve(/*turbopackIgnore: true*/ cwd, e.NIANBAO_DATA_DIR ?? 'data');
  const data = dataPaths(dataRoot);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    meili: { url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY, index: e.MEILI_INDEX, indexingThreads: e.MEILI_INDEXING_THREADS ?? availableParallelism() },
    remotes: e.NIANBAO_MEILI_REMOTES?.length ? e.NIANBAO_MEILI_REMOTES : null,
    keys: { search: e.MEILI_SEARCH_KEY, admin: e.MEILI_ADMIN_KEY },
    authSecret: e.AUTH_SECRET,
    data: e.ADMIN_USERS_FILE ? { ...data, users: path.resolve(/*turbopackIgnore: true*/ cwd, e.ADMIN_USERS_FILE) } : data,
    adminUsers: e.ADMIN_USERS,
    searchCacheMs: e.NIANBAO_SEARCH_CACHE_SECONDS * 1000,
    logLevel: e.NIANBAO_LOG_LEVEL,
    harvest: { allowLoopback: e.NIANBAO_HARVEST_ALLOW_LOOPBACK },
  };
}

const KEY = Symbol.for('nianbao.config');
type Store = typeof globalThis & { [KEY]?: Config };

/** The process's configuration, read from process.env on first use (one for every bundle Next loads). */
export function config(): Config {
  const store = globalThis as Store;
  store[KEY] ??= loadConfig();
  return store[KEY];
}

/** Reads process.env again: for tests and tools that set variables after the first read. */
export function reloadConfig(): Config {
  delete (globalThis as Store)[KEY];
  return config();
}

/** Where a client sends requests, and with which key. */
export interface MeiliConnection {
  url: string;
  apiKey?: string;
}

/** What the web app searches with: URL, a search-only key and the index name. */
export interface AppSearchTarget {
  url: string;
  searchKey: string;
  index: string;
  /** The network's instances (NIANBAO_MEILI_REMOTES); absent for one instance. */
  remotes?: Array<{ name: string; url: string }>;
}

/** The app's read access; throws ConfigError when MEILI_URL or the search key is missing, or the key is the master key. */
export function appSearchTarget(c: Config = config()): AppSearchTarget {
  if (!c.meili.url) throw new ConfigError('MEILI_URL is not set (npm run portal sets it; see README)');
  if (!c.keys.search) throw new ConfigError('MEILI_SEARCH_KEY is not set (a search-only key, never the master key)');
  if (c.meili.masterKey && c.keys.search === c.meili.masterKey) {
    throw new ConfigError('MEILI_SEARCH_KEY is the master key: the app must use a search-only key');
  }
  return { url: c.meili.url, searchKey: c.keys.search, index: c.meili.index, ...(c.remotes ? { remotes: c.remotes } : {}) };
}

export interface IndexingTarget {
  connection: MeiliConnection;
  index: string;
}

export class IndexingNotConfigured extends Error {
  constructor(detail: string) {
    super(`indexing from the app is not configured: ${detail}`);
    this.name = 'IndexingNotConfigured';
  }
}

/**
 * The app's write access, for the admin pages only: MEILI_URL with MEILI_ADMIN_KEY (the scoped
 * indexing key, lib/engine/keys.ts). The master key is refused here as it is for searching.
 */
export function indexingTarget(c: Config = config()): IndexingTarget {
  if (!c.meili.url) throw new IndexingNotConfigured('MEILI_URL is not set');
  if (!c.keys.admin) throw new IndexingNotConfigured('MEILI_ADMIN_KEY is not set (npm run portal creates one)');
  if (c.meili.masterKey && c.keys.admin === c.meili.masterKey)
    throw new IndexingNotConfigured('MEILI_ADMIN_KEY is the master key: use the scoped indexing key');
  return { connection: { url: c.meili.url, apiKey: c.keys.admin }, index: c.meili.index };
}
