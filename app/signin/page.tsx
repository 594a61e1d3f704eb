import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/lib/auth/same-origin';
import { currentAdmin } from '@/lib/auth/session';
import type { PageSearchParams, SearchPageProps } from '@/lib/search/params';

export const metadata: Metadata = { title: '管理员登录', robots: { index: false } };

const first = (value: PageSearchParams[string]) => (Array.isArray(value) ? value[0] : value);

/** A plain form posting to /api/auth/password (works without JavaScript; see that route for the 429). */
export default async function SignInPage({ searchParams }: SearchPageProps) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await currentAdmin()) redirect(callbackUrl);
  const error = first(params.error);

  return (
    <section className="admin-signin card" data-testid="signin">
      <h1>管理员登录</h1>
      {error ? (
        <p className="notice notice--error" role="alert" data-testid="signin-error">
          {error === 'credentials' || error === 'CredentialsSignin' ? '邮箱或密码不正确。' : '登录失败，请重试。'}
        </p>
      ) : null}
      {first(params.signedOut) ? (
        <p className="notice notice--info" data-testid="signed-out">
          已退出登录。
        </p>
      ) : null}
      <form className="admin-form" method="post" action="/api/auth/password" data-testid="signin-form">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <label>
          邮箱
          <input className="input" type="email" name="email" autoComplete="username" required data-testid="signin-email" />
        </label>
        <label>
          密码
          <input className="input" type="password" name="password" autoComplete="current-password" required data-testid="signin-password" />
        </label>
        <button className="button button--primary" type="submit" data-testid="signin-submit">
          登录
        </button>
      </form>
      <p className="muted">账号由运维人员配置（见 docs/security.md 的“Admins”一节）。连续 5 次密码错误后，该账号需等待 15 分钟才能再试。</p>
    </section>
  );
}
