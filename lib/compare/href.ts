/**
 * What client components need of the compare URL, without the params parser: that one pulls the
 * search parser and zod into the search page's JavaScript (+33 KB gzipped for a link).
 */

/** The most bodies one comparison takes. */
export const MAX_BODIES = 6;

/** The compare page for these bodies, in their order (the canonical form compareQueryString makes without figure and filters). */
export function compareBodiesHref(bodies: readonly string[]): string {
  const qs = new URLSearchParams();
  for (const body of bodies) qs.append('body', body);
  const s = qs.toString();
  return `/compare${s ? `?${s}` : ''}`;
}
