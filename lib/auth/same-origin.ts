/**
 * Cross-site request check for state-changing route handlers. Browsers send `Sec-Fetch-Site` on
 * every request (and `Origin` on every POST/PUT/DELETE): a request from another site, or one whose
 * Origin is not this host, is refused. The session cookie is SameSite=Lax as a second layer.
 * Requests with neither header (curl, scripts) are not from a browser, so a stolen cookie is not
 * the threat there; they still need the session.
 */
export function isSameOriginRequest(headers: Headers, requestUrl: string): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.get('origin');
  if (!origin) return site === 'same-origin' || site === 'none' || site === null;
  if (origin === 'null') return false;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    const from = new URL(origin);
    if (host) return from.host === host;
    return from.host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}

/** Only paths on this site: `/admin`, never `//evil.example` or `https://…`. */
export function safeCallbackPath(value: unknown, fallback = '/admin'): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
