import { type NextRequest, NextResponse } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { parseCompareParams } from './lib/compare/params';
import { AppError } from './lib/errors';
import { isReportId } from './lib/report/schema';
import { parseSearchParams, withParams } from './lib/search/params';
import { getReport, searchReports } from './lib/search/queries';
import { apiContentSecurityPolicy } from './next.config.mjs';

/**
 * Runs before every page and the admin API (Next 16's proxy, formerly middleware; the matcher at
 * the end leaves out static files and the public JSON APIs):
 *
 * 1. A Content-Security-Policy with a fresh nonce per request. Next reads the nonce from the
 *    request's CSP header and puts it on its own scripts, so script-src needs neither
 *    'unsafe-inline' nor 'unsafe-eval' in production ('strict-dynamic' lets those scripts load
 *    the chunks they import). Styles allow 'unsafe-inline': React style attributes and recharts
 *    set inline styles, and a style cannot run code. HSTS only when the request came over HTTPS.
 *    The static headers (nosniff, referrer policy, frame options) are in next.config.mjs.
 * 2. HTTP 400 for a page whose query string its parser refuses (PAGE_PARSERS).
 * 3. A sign-in check for /admin and /api/admin: without a valid session (the JWT decrypts with
 *    AUTH_SECRET and has not expired) → a real 303 to the sign-in page, or 401. Pages need this to
 *    get an HTTP redirect at all: the root loading.tsx makes every page stream, so a redirect from
 *    inside a page arrives as a 200 with a client-side redirect. It is not the only check: every
 *    admin page and route handler checks the session itself (lib/auth/session.ts), so bypassing
 *    this proxy gains nothing.
 */

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

/**
 * Pages whose query string one parser reads (the same one the page uses): a query it refuses is
 * answered with HTTP 400, as the APIs do, while the page still shows its plain message. The status
 * has to be set here: the pages stream (loading.tsx), so theirs is sent before they run.
 */
const PAGE_PARSERS: Record<string, (raw: URLSearchParams) => { ok: boolean }> = {
  '/': parseSearchParams,
  '/stats': parseSearchParams,
  '/coverage': parseSearchParams,
  '/data': parseSearchParams,
  '/compare': parseCompareParams,
};

function refusedQuery(request: NextRequest): boolean {
  const parse = PAGE_PARSERS[request.nextUrl.pathname];
  return Boolean(parse && request.nextUrl.search && !parse(request.nextUrl.searchParams).ok);
}

const REPORT_PATH = /^\/reports\/([^/]+)$/;

/**
 * What a page's HTTP status must be, known only from the index: 404 for a report id nobody has,
 * and for a search page past the last, a redirect to the last page. The pages stream (loading.tsx),
 * so their own notFound() or redirect() could only reach the browser inside a 200. The answers
 * land in the search cache, so the page that follows asks the engine nothing new. When the engine
 * is away, the page says so itself (503 content).
 */
async function indexVerdict(request: NextRequest): Promise<{ status?: number; redirect?: string }> {
  const { pathname, searchParams } = request.nextUrl;
  try {
    const report = REPORT_PATH.exec(pathname);
    if (report) {
      let id: string;
      try {
        id = decodeURIComponent(report[1]!);
      } catch {
        return { status: 404 };
      }
      return isReportId(id) && (await getReport(id)) ? {} : { status: 404 };
    }
    if (pathname === '/' && searchParams.has('page')) {
      const parsed = parseSearchParams(searchParams);
      if (!parsed.ok || parsed.params.page <= 1) return {};
      const result = await searchReports(parsed.params);
      const last = Math.max(1, result.totalPages);
      if (parsed.params.page > last) return { redirect: `/${withParams(parsed.params, { page: last })}` };
    }
  } catch {
    // The engine is away: the page shows its unavailable state.
  }
  return {};
}

async function hasValidSession(request: NextRequest): Promise<boolean> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return false;
  // Auth.js names the cookie __Secure-… when the site is reached over HTTPS; accept either name.
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req: request, secret, secureCookie, logger: { error() {}, warn() {}, debug() {} } as never }).catch(() => null);
    if (token?.email) return true;
  }
  return false;
}

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = isHttps(request);
  const isAdminApi = pathname === '/api/admin' || pathname.startsWith('/api/admin/');
  const isAdminPage = pathname === '/admin' || pathname.startsWith('/admin/');

  let response: NextResponse;
  if ((isAdminApi || isAdminPage) && !(await hasValidSession(request))) {
    if (isAdminApi) {
      const refused = new AppError('unauthorized:admin').toReply();
      response = new NextResponse(refused.body, { status: refused.status, headers: refused.headers });
      response.headers.set('content-security-policy', apiContentSecurityPolicy);
    } else {
      const signIn = new URL('/signin', request.url);
      signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
      response = NextResponse.redirect(signIn, 303);
    }
  } else if (isAdminApi) {
    // JSON: no nonce to hand on; its CSP and the other headers come from next.config.mjs.
    return NextResponse.next();
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
    // Where a signed-out admin page sends people back to after sign-in (app/admin/layout.tsx).
    if (isAdminPage) requestHeaders.set('x-admin-path', `${pathname}${search}`);
    else requestHeaders.delete('x-admin-path');
    const verdict = refusedQuery(request) ? { status: 400 } : await indexVerdict(request);
    if (verdict.redirect) return NextResponse.redirect(new URL(verdict.redirect, request.url), 307);
    response = NextResponse.next({ request: { headers: requestHeaders }, ...(verdict.status ? { status: verdict.status } : {}) });
    response.headers.set('content-security-policy', csp);
  }
  if (https) response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  return response;
}

export const config = {
  matcher: [
    {
      // Not the public JSON APIs: a nonce means nothing to JSON, and this proxy cost them ~1.5 ms
      // a request, half of what a cached search costs (bench:load). Their static headers, a CSP
      // that allows nothing among them, come from next.config.mjs. /api/admin stays.
      // Nor the Atom feeds (/feed.xml): XML, no page, headers from next.config.mjs like the APIs.
      source: '/((?!_next/static|_next/image|favicon.ico|feed\\.xml|api/(?!admin(?:/|$))).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
