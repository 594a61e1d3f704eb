import { test as base, expect } from '@playwright/test';
import { ReportPage } from '../pages/report-page';
import { SearchPage } from '../pages/search-page';

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

export { expect };
