import 'server-only';
import { redirect } from 'next/navigation';
import { auth } from '@/lib/auth/auth';
import { AppError, MESSAGES } from '../errors';
import { isSameOriginRequest } from './same-origin';

/**
 * The server-side checks every admin page and route handler runs itself. proxy.ts only makes an
 * optimistic check (is there a session cookie at all?); a request that slips past it — a forged
 * `x-middleware-subrequest` header, a matcher gap — still meets these.
 */

export async function currentAdmin(): Promise<string | null> {
  const session = await auth();
  return session?.user?.email ?? null;
}

/** For pages: the admin's email, or a redirect to the sign-in page that comes back here. */
export async function requireAdminPage(returnTo: string): Promise<string> {
  const admin = await currentAdmin();
  if (!admin) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return admin;
}

/**
 * For route handlers: the admin's email, or an AppError to answer with (401 signed out, 403 for a
 * cross-site state-changing request).
 */
export async function requireAdminApi(request: Request): Promise<string> {
  const changesState = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
  if (changesState && !isSameOriginRequest(request.headers, request.url)) throw new AppError('forbidden:admin', MESSAGES.crossSite);
  const admin = await currentAdmin();
  if (!admin) throw new AppError('unauthorized:admin', MESSAGES.signInRequired);
  return admin;
}
