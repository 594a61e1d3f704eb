import { type Browser, expect, type Locator, type Page } from '@playwright/test';

/**
 * The admin account of the test server (generated per run by playwright.config.ts) and page
 * objects for the sign-in and admin pages.
 */
export const admin = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'admin@e2e.test',
  get password(): string {
    const password = process.env.E2E_ADMIN_PASSWORD;
    if (!password) throw new Error('E2E_ADMIN_PASSWORD is not set (playwright.config.ts sets it)');
    return password;
  },
};

export class SignInPage {
  readonly form: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('signin-form');
    this.email = page.getByRole('textbox', { name: '邮箱' });
    this.password = page.getByRole('textbox', { name: '密码' });
    this.submit = page.getByRole('button', { name: '登录' });
    // role="alert" without a name, like Next's route announcer: the test id tells them apart.
    this.error = page.getByTestId('signin-error');
  }

  async goto(callbackUrl = '/admin') {
    await this.page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }

  /** Submits the form and returns the status of the sign-in POST itself. */
  async signIn(email: string, password: string): Promise<number> {
    await this.email.fill(email);
    await this.password.fill(password);
    const [response] = await Promise.all([this.page.waitForResponse((r) => r.url().endsWith('/api/auth/password')), this.submit.click()]);
    return response.status();
  }
}

/** Signs in as the test admin through the form and waits for the admin page. */
export async function signInAsAdmin(page: Page, callbackUrl = '/admin') {
  const signIn = new SignInPage(page);
  await signIn.goto(callbackUrl);
  // 429: the login rate limiter has locked the account or this address (5 / 20 failures in 15 min).
  expect(await signIn.signIn(admin.email, admin.password), 'status of the admin sign-in (429: locked by the rate limiter)').toBe(303);
  // Back on /signin?error=credentials: the server has another password (a reused server started with another E2E_ADMIN_PASSWORD?).
  await expect(page, 'the admin sign-in was accepted').toHaveURL(new RegExp(`${callbackUrl.replace(/\//g, '\\/')}(\\?|$)`));
}

/**
 * Signs the test admin in once, through the real form in a context of its own, and writes that
 * context's storage state (the httpOnly session cookie) to `file`, for contexts that start signed in.
 */
export async function saveAdminStorageState(browser: Browser, baseURL: string | undefined, file: string): Promise<void> {
  const context = await browser.newContext({ baseURL, storageState: undefined });
  try {
    await signInAsAdmin(await context.newPage());
    await context.storageState({ path: file });
  } finally {
    await context.close();
  }
}

/** The admin page (`/admin`): its navigation, the upload panel and the index runs. */
export class AdminPage {
  readonly heading: Locator;
  readonly nav: Locator;
  readonly signOut: Locator;
  readonly uploadPanel: Locator;
  /** The upload panel once hydrated: before that, a chosen file would not reach React's state. */
  readonly uploadReady: Locator;
  readonly uploadInput: Locator;
  readonly uploadSelected: Locator;
  readonly uploadSubmit: Locator;
  readonly uploadResult: Locator;
  readonly runIncremental: Locator;
  readonly runFull: Locator;
  readonly progress: Locator;
  readonly summary: Locator;
  readonly summaryFailures: Locator;
  readonly runMessage: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: '管理', exact: true });
    this.nav = page.getByRole('navigation', { name: '管理', exact: true });
    this.signOut = this.nav.getByRole('button', { name: '退出' });
    this.uploadPanel = page.getByRole('region', { name: '上传报告' });
    this.uploadReady = this.uploadPanel.and(page.locator('[data-ready="true"]'));
    this.uploadInput = this.uploadPanel.getByLabel('把文件拖到这里，或点击选择文件');
    this.uploadSelected = page.getByTestId('upload-selected');
    this.uploadSubmit = this.uploadPanel.getByRole('button', { name: '上传', exact: true });
    this.uploadResult = this.uploadPanel.getByRole('status');
    const runPanel = page.getByRole('region', { name: '索引', exact: true });
    this.runIncremental = runPanel.getByRole('button', { name: '索引新上传' });
    this.runFull = runPanel.getByRole('button', { name: '全量重建索引' });
    // Both role="status" without a name, one while a run goes, the other after it: test ids.
    this.progress = page.getByTestId('run-progress');
    this.summary = page.getByTestId('run-summary');
    this.summaryFailures = page.getByTestId('summary-failure');
    this.runMessage = page.getByTestId('run-message');
  }

  async goto() {
    await this.page.goto('/admin');
    await expect(this.heading).toBeVisible();
  }

  async upload(files: Array<{ name: string; mimeType: string; buffer: Buffer }>) {
    await expect(this.uploadReady).toBeVisible();
    await this.uploadInput.setInputFiles(files);
    await expect(this.uploadSelected.getByRole('listitem')).toHaveCount(files.length);
    await this.uploadSubmit.click();
    await expect(this.uploadResult).toBeVisible();
  }
}

/** Collects Content-Security-Policy violations reported to the console. */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) violations.push(text);
  });
  return violations;
}
