import { z } from 'zod';

/**
 * Meilisearch connection settings from the environment. Two readers: the indexer and scripts use
 * the master key (`readMeiliConfig`); the web app only ever gets a search-only key
 * (`readAppSearchConfig`), so the master key never reaches a page or a bundle.
 */

// An empty variable (`MEILI_URL=`) means "not set".
const emptyAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const urlSchema = z.preprocess(
  emptyAsUnset,
  z
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
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
);

/** Meilisearch index uids: letters, digits, '-' and '_'. The build index appends `_build_<time>`. */
export const indexNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, "must use only letters, digits, '-' and '_' (at most 200 characters)");

const meiliEnvSchema = z.object({
  MEILI_URL: urlSchema,
  MEILI_MASTER_KEY: z.preprocess(emptyAsUnset, z.string().min(16, 'must be at least 16 characters long').optional()),
  MEILI_INDEX: z.preprocess(emptyAsUnset, indexNameSchema.default('reports')),
});

export interface MeiliConfig {
  /** Set when an external Meilisearch is configured; absent means "use the embedded one". */
  url?: string;
  masterKey?: string;
  index: string;
}

export class MeiliConfigError extends Error {
  constructor(readonly details: string) {
    super(`Invalid Meilisearch settings: ${details}`);
    this.name = 'MeiliConfigError';
  }
}

function explain(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`).join('; ');
}

/** MEILI_URL, MEILI_MASTER_KEY, MEILI_INDEX (default "reports"). Throws MeiliConfigError naming each bad variable. */
export function readMeiliConfig(source: Record<string, string | undefined> = process.env): MeiliConfig {
  const result = meiliEnvSchema.safeParse(source);
  if (!result.success) throw new MeiliConfigError(explain(result.error));
  const { MEILI_URL, MEILI_MASTER_KEY, MEILI_INDEX } = result.data;
  return { url: MEILI_URL, masterKey: MEILI_MASTER_KEY, index: MEILI_INDEX };
}

const appSearchEnvSchema = z.object({
  MEILI_URL: urlSchema.pipe(z.string({ error: 'is not set (npm run portal sets it; see README)' })),
  MEILI_SEARCH_KEY: z.preprocess(emptyAsUnset, z.string({ error: 'is not set (a search-only key, never the master key)' })),
  MEILI_INDEX: z.preprocess(emptyAsUnset, indexNameSchema.default('reports')),
});

export interface AppSearchConfig {
  url: string;
  searchKey: string;
  index: string;
}

/** What the web app needs: URL, a search-only key and the index name. */
export function readAppSearchConfig(source: Record<string, string | undefined> = process.env): AppSearchConfig {
  const result = appSearchEnvSchema.safeParse(source);
  if (!result.success) throw new MeiliConfigError(explain(result.error));
  const { MEILI_URL, MEILI_SEARCH_KEY, MEILI_INDEX } = result.data;
  if (source.MEILI_MASTER_KEY && MEILI_SEARCH_KEY === source.MEILI_MASTER_KEY) {
    throw new MeiliConfigError('MEILI_SEARCH_KEY is the master key: the app must use a search-only key');
  }
  return { url: MEILI_URL, searchKey: MEILI_SEARCH_KEY, index: MEILI_INDEX };
}
