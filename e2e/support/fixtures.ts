import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { ReportPage } from '../pages/report-page';
import { SearchPage } from '../pages/search-page';
import { AdminPage, saveAdminStorageState } from './auth';

/**
 * Page objects as fixtures, and a guard: any JavaScript dialog (alert, confirm) fails the test,
 * because report text must never run as code.
 */
export const test = base.extend<{ searchPage: SearchPage; reportPage: ReportPage; dialogs: string[] }>({
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
});

/**
 * Tests that start signed in as the test admin. Each worker signs in once, through the real
 * sign-in form, when its first such test runs (`adminStorageState`); every test then gets a fresh
 * context with that storage state, so nothing a test does (signing out included) reaches another.
 * The file lies in the run's output folder (test-results/, git-ignored, emptied at each run) and
 * is removed when the worker stops; the session it holds is only good for this run's server.
 * Tests about signing in itself (e2e/admin-auth.spec.ts) use `test` and the form instead.
 */
export const adminTest = test.extend<{ adminPage: AdminPage }, { adminStorageState: string }>({
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
  storageState: async ({ adminStorageState }, use) => {
    await use(adminStorageState);
  },
  adminPage: async ({ page, dialogs: _dialogs }, use) => {
    await use(new AdminPage(page));
  },
});

export { expect };
