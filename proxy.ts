import { NextResponse, type NextRequest } from 'next/server';

/**
 * Runs before every page and API route (Next 16's proxy, formerly middleware):
 *
 * 1. A Content-Security-Policy with a fresh nonce per request. Next reads the nonce from the
 *    request's CSP header and puts it on its own scripts, so script-src needs neither
 *    'unsafe-inline' nor 'unsafe-eval' in production ('strict-dynamic' lets those scripts load
 *    the chunks they import). Styles allow 'unsafe-inline': React style attributes and recharts
 *    set inline styles, and a style cannot run code. HSTS only when the request came over HTTPS.
 *    The static headers (nosniff, referrer policy, frame options) are in next.config.mjs.
 * 2. An optimistic sign-in check for /admin and /api/admin: no session cookie at all → the
 *    sign-in page or 401. Only a shortcut: every admin page and route handler checks the session
 *    itself (lib/auth/session.ts), so bypassing this proxy gains nothing.
 */

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((base) => name === base || name.startsWith(`${base}.`)));
}

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = isHttps(request);
  const isAdminApi = pathname === '/api/admin' || pathname.startsWith('/api/admin/');
  const isAdminPage = pathname === '/admin' || pathname.startsWith('/admin/');

  let response: NextResponse;
  if ((isAdminApi || isAdminPage) && !hasSessionCookie(request)) {
    if (isAdminApi) {
      response = NextResponse.json({ error: 'unauthorized', message: '请先登录管理员账号。' }, { status: 401 });
    } else {
      const signIn = new URL('/signin', request.url);
      signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
      response = NextResponse.redirect(signIn, 303);
    }
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set('content-security-policy', csp);
  }
  if (https) response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
