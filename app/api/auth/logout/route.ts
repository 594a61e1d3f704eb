import { signOut } from '@/lib/auth/auth';
import { isSameOriginRequest } from '@/lib/auth/same-origin';

/** Sign-out from the admin pages' form (same-origin only), back to the sign-in page. */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers, request.url)) {
    return new Response('Cross-site request refused.\n', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  await signOut({ redirect: false });
  return new Response(null, { status: 303, headers: { location: new URL('/signin?signedOut=1', request.url).toString() } });
}
