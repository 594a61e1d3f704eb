import { CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { clientAddress, loginLimiter } from '@/lib/auth/rate-limit';
import { isSameOriginRequest, safeCallbackPath } from '@/lib/auth/same-origin';
import { normalizeEmail } from '@/lib/auth/users';

/**
 * The sign-in form's target. It exists so a locked account gets a real HTTP 429 with a plain
 * message (Auth.js answers every credentials failure with a redirect): the limiter is checked
 * first, then Auth.js's own `signIn` verifies the password and sets the session cookie. A plain
 * form post, so signing in needs no JavaScript.
 */

function seeOther(request: Request, location: string): Response {
  return new Response(null, { status: 303, headers: { location: new URL(location, request.url).toString(), 'cache-control': 'no-store' } });
}

function tooManyAttempts(retryAfter: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return new Response(`登录失败次数过多，请 ${minutes} 分钟后再试。\nToo many attempts: try again in ${minutes} minute(s).\n`, {
    status: 429,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(retryAfter), 'cache-control': 'no-store' },
  });
}

export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers, request.url)) {
    return new Response('Cross-site sign-in refused.\n', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response('Expected a form.\n', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const email = normalizeEmail(String(form.get('email') ?? '')).slice(0, 254);
  const password = String(form.get('password') ?? '').slice(0, 1024);
  const callbackUrl = safeCallbackPath(form.get('callbackUrl'));
  const failed = `/signin?${new URLSearchParams({ error: 'credentials', callbackUrl })}`;

  const wait = loginLimiter().blockedFor(email, clientAddress(request.headers));
  if (wait > 0) return tooManyAttempts(wait);
  if (!email || !password) return seeOther(request, failed);

  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === 'too_many_attempts') return tooManyAttempts(loginLimiter().blockedFor(email, clientAddress(request.headers)) || 60);
      return seeOther(request, failed);
    }
    throw error;
  }
  return seeOther(request, callbackUrl);
}
