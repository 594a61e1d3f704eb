import { randomBytes } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`; // localhost, not 127.0.0.1: auth cookies are host-bound

// The admin account of the test server: a fresh random password for each run, never committed.
// Set on process.env before the workers start, so the runner, the workers and serve.ts agree.
process.env.E2E_ADMIN_EMAIL ??= 'admin@e2e.test';
process.env.E2E_ADMIN_PASSWORD ??= randomBytes(18).toString('base64url');

type WebServer = NonNullable<Exclude<Parameters<typeof defineConfig>[0]['webServer'], undefined>>;
type WebServerConfig = Extract<WebServer, readonly unknown[]>[number];

/**
 * The production build (`next build` runs first, in scripts/test-all.mjs) behind a real
 * Meilisearch: e2e/support/serve.ts starts the engine in a temp folder, indexes data/reports and
 * e2e/fixtures, then runs `next start` with a search-only key. SIGTERM lets it stop the engine
 * and remove the folder (without gracefulShutdown Playwright SIGKILLs the process group).
 */
const appServer: WebServerConfig = {
  command: 'node --import tsx e2e/support/serve.ts',
  url: `${baseURL}/api/health`,
  reuseExistingServer: !process.env.CI,
  timeout: 120_000,
  gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  stdout: 'ignore',
  stderr: 'pipe',
  env: {
    NEXT_TELEMETRY_DISABLED: '1',
    E2E_PORT: String(port),
    E2E_ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL,
    E2E_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
  },
};

const webServers: WebServerConfig[] = [appServer];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 1 : 2,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL,
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: webServers,
});
