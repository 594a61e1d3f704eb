import { validateAtom } from '../test/support/atom';
import { expect, test } from './support/fixtures';

/** Following a search: its Atom feed is linked on the page and in its head, and lists the newest reports. */

test.describe('Atom feeds', () => {
  test('a search links its feed; the feed validates as Atom and lists the newest reports of the search', async ({ page, searchPage }) => {
    await searchPage.goto('?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&sort=year-asc&page=1');
    const total = await searchPage.totalCount();
    const link = page.getByTestId('feed-link');
    await expect(link).toBeVisible();
    const href = await link.getAttribute('href');
    expect(href).toBe(`/feed.xml?province=${encodeURIComponent('江苏省')}`);
    // Feed readers look in the head.
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveCount(1);
    expect(await alternate.getAttribute('href')).toContain(href!);

    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = validateAtom(await response.text());
    expect(feed.entries).toHaveLength(Math.min(total, 50));

    // The same search sorted by publication date lists the same reports in the same order.
    await searchPage.goto('?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&sort=published-desc');
    const newest = await searchPage.resultIds();
    expect(feed.entries.map((e) => decodeURIComponent(new URL(e.link).pathname.replace('/reports/', '')))).toEqual(newest.slice(0, 50));
  });

  test("a report page offers its body's years and its body's feed", async ({ page, searchPage, reportPage }) => {
    await searchPage.goto('?county=%E6%B4%AA%E6%B3%BD%E5%8C%BA&year=2023');
    await searchPage.resultLinks.first().click();
    await expect(reportPage.title).toBeVisible();
    const feedHref = await page.getByTestId('body-feed').getAttribute('href');
    expect(feedHref).toMatch(/^\/feed\.xml\?body=/);
    const feed = validateAtom(await (await page.request.get(feedHref!)).text());
    expect(feed.entries.length).toBeGreaterThanOrEqual(2);
    expect(feed.title).toContain('洪泽区');

    await page.getByTestId('body-all-years').click();
    await expect(page.getByTestId('results-table')).toBeVisible();
    await expect(page.getByTestId('table-row')).toHaveCount(feed.entries.length);
    await expect(page.getByTestId('active-filters')).toContainText('机关');
  });
});
