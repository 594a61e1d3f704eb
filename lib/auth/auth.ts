import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { clientAddress, loginLimiter } from '@/lib/auth/rate-limit';
import { type AdminUser, normalizeEmail, readAdminUsers, verifyAdmin } from '@/lib/auth/users';
import { log } from '@/lib/log';

/**
 * Admin sign-in (Auth.js v5): email and password checked against the operator's list of bcrypt
 * hashes (lib/auth/users.ts), JWT sessions in an httpOnly, SameSite=Lax cookie that is Secure and
 * `__Secure-` prefixed when the site is served over HTTPS (Auth.js decides from the request URL,
 * which AUTH_TRUST_HOST lets a reverse proxy set through X-Forwarded-Proto).
 *
 * The rate limit lives here in `authorize`, so it also covers Auth.js's own callback endpoint;
 * the sign-in form posts to /api/auth/password, which checks the same limiter first to answer 429.
 */

class TooManyAttempts extends CredentialsSignin {
  code = 'too_many_attempts';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/signin', error: '/signin' },
  // A wrong password is logged once, by authorize (without the password); Auth.js would add a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
      log('auth').error({ err: error }, 'Auth.js error');
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: '邮箱', type: 'email' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, request) {
        const email = normalizeEmail(String(credentials?.email ?? '')).slice(0, 254);
        const password = String(credentials?.password ?? '');
        const address = clientAddress(request.headers);
        const limiter = loginLimiter();
        if (limiter.blockedFor(email, address) > 0) {
          log('auth').warn({ email, address }, 'sign-in refused: too many failed attempts');
          throw new TooManyAttempts();
        }
        let users: readonly AdminUser[];
        try {
          users = readAdminUsers();
        } catch (error) {
          // The operator's list is broken: say so in the log, let nobody in.
          log('auth').error({ reason: (error as Error).message }, 'the admin users list cannot be read');
          users = [] as const;
        }
        const admin = email && password ? await verifyAdmin(email, password, users) : null;
        if (!admin) {
          limiter.fail(email, address);
          // Never the password, not even its length.
          log('auth').warn({ email, address }, 'sign-in failed: wrong email or password');
          return null;
        }
        limiter.succeed(email);
        log('auth').info({ email: admin, address }, 'signed in');
        return { id: admin, email: admin, name: admin };
      },
    }),
  ],
});
