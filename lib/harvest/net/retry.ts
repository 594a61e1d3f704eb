/** Waiting between tries: Retry-After as the server states it, or exponential backoff. */

/**
 * Retry-After in milliseconds from `now`: whole seconds (`120`) or an HTTP date; undefined when
 * absent or unreadable. A date in the past is 0.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; a bare number of another shape is not one.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Backoff before try `n + 1` after `n` failed ones: base, 2 × base, 4 × base … */
export function backoffMs(failedTries: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, failedTries - 1);
}
