import type { Locator, Page } from '@playwright/test';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A filter link of the search or the stats page: in the filter group named `group` (地区, 年度,
 * 发现…), the link whose accessible name is `label` and then its count, as a screen reader reads
 * it ("江苏省 12 份"; a chosen one goes on with "（已选，点击取消）").
 */
export function facetLink(page: Page, group: string, label: string): Locator {
  return page.getByRole('region', { name: group, exact: true }).getByRole('link', { name: new RegExp(`^${escapeRegExp(label)}\\s*[\\d,]+\\s*份`) });
}
