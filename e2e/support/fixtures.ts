import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ReportPage } from '../pages/report-page';
import { SearchPage } from '../pages/search-page';
import { AdminPage, saveAdminStorageState } from './auth';

/**
 * Page objects as fixtures, and a guard: any JavaScript dialog (alert, confirm) fails the test,
 * because report text must never run as code.
 *
 * And, for `adminTest` below, the admin's storage state, signed in once per worker: through the
 * real sign-in form, in a context of its own, when the worker's first admin test asks for it.
 * The file lies in the run's output folder (test-results/, git-ignored, emptied at each run) and
 * is removed when the worker stops; the session it holds is only good for this run's server.
 * It is declared here rather than on `adminTest` because Playwright gives tests whose worker
 * fixtures differ workers of their own: every spec imports `test` from this file, so admin and
 * other tests share the workers, and a worker that runs no admin test never signs in.
 */
export const test = base.extend<{ searchPage: SearchPage; reportPage: ReportPage; dialogs: string[] }, { adminStorageState: string }>({
  dialogs: async ({ page }, use) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await use(dialogs);
    expect(dialogs, 'no dialog may open').toEqual([]);
  },
  searchPage: async ({ page, dialogs: _dialogs }, use) => {
    await use(new SearchPage(page));
  },
  reportPage: async ({ page, dialogs: _dialogs }, use) => {
    await use(new ReportPage(page));
  },
  adminStorageState: [
    async ({ browser }, use, workerInfo) => {
      const file = path.join(workerInfo.project.outputDir, '.auth', `admin-${workerInfo.workerIndex}.json`);
      mkdirSync(path.dirname(file), { recursive: true });
      await saveAdminStorageState(browser, workerInfo.project.use.baseURL, file);
      await use(file);
      rmSync(file, { force: true });
    },
    { scope: 'worker' },
  ],
});

/**
 * Tests that start signed in as the test admin: each gets a fresh context with the worker's
 * admin storage state, so nothing a test does (signing out included) reaches another. Tests
 * about signing in itself (e2e/admin-auth.spec.ts) use `test` and the form instead.
 */
export const adminTest = test.extend<{ adminPage: AdminPage }>({
  storageState: async ({ adminStorageState }, use) => {
    await use(adminStorageState);
  },
  adminPage: async ({ page, dialogs: _dialogs }, use) => {
    await use(new AdminPage(page));
  },
});

export { expect };
