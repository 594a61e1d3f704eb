import { z } from 'zod';

// An empty variable (`PORT=`) means "not set", not "port 0".
const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(65535).optional()),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class InvalidEnvError extends Error {
  constructor(readonly details: string) {
    super(`Invalid server environment:\n${details}`);
    this.name = 'InvalidEnvError';
  }
}

/** Validates the server's environment variables; throws InvalidEnvError naming each bad one. */
export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) throw new InvalidEnvError(z.prettifyError(result.error));
  return result.data;
}
