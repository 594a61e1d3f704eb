import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { decodePage, readPage } from '../../lib/harvest/page';
import { normaliseDate, visibleDate } from '../../lib/harvest/page/dates';
import { fillPages, scriptPages } from '../../lib/harvest/page/pagination';
import { fileLink, isArticleUrl, isListingUrl, siteOf } from '../../lib/harvest/page/urls';
import { columnText, pathWords, readsAsReport, yearIn, yearInUrl } from '../../lib/harvest/page/words';
import { type Fetched, HARVEST_FAILURES, HarvestError, type PageReading } from '../../lib/harvest/types';
import { repoRoot } from '../support/temp';

const PAGES = path.join(repoRoot, 'test/fixtures/harvest-pages');

function fetched(url: string, body: Buffer | string, init: Partial<Fetched> = {}): Fetched {
  return {
    url,
    finalUrl: url,
    status: 200,
    notModified: false,
    headers: {},
    body: typeof body === 'string' ? Buffer.from(body) : body,
    sniffed: 'html',
    fetchedAt: '2024-02-01T00:00:00.000Z',
    ...init,
  };
}

function read(file: string, url: string, init: Partial<Fetched> = {}): PageReading {
  return readPage(fetched(url, readFileSync(path.join(PAGES, file)), init));
}

const urls = (links: { url: string }[]) => links.map((l) => l.url);
const html = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('words', () => {
  test('a disclosure report with its year, in every common wording', () => {
    for (const [text, year] of [
      ['青禾县人民政府2023年政府信息公开工作年度报告', 2023],
      ['2022年度政府信息公开年报', 2022],
      ['青禾县教育局2021年信息公开年报', 2021],
      ['2009年政府信息公开工作报告', 2009],
      ['青禾县人民政府二〇二三年政府信息公开工作年度报告', 2023],
      ['二零二一年度政府信息公开工作年度报告', 2021],
      ['青禾縣人民政府2020年政府資訊公開工作年度報告', 2020],
      ['上海市科委2024年度政务公开工作报告', 2024],
      ['政府信息公开工作年度报告（2019年）', 2019],
      ['青禾县人民政府政府信息公开工作年度报告 2024-01-22', null],
    ] as const) {
      const reading = readsAsReport(text);
      assert.ok(reading, text);
      assert.equal(reading.year, year, text);
      assert.equal(reading.explicit, true, text);
    }
  });

  test('bare 年报 / 年度报告 count next to a body or in a report column, never for other annual reports', () => {
    assert.equal(readsAsReport('柳湾镇2023年年报')?.year, 2023);
    assert.equal(readsAsReport('2023年年报'), null);
    assert.equal(readsAsReport('2023年年报', true)?.year, 2023);
    assert.equal(readsAsReport('2023年度报告', true)?.year, 2023);
    for (const text of ['青禾县统计局2022年统计年报', '2023年度企业年报公示', '青禾股份有限公司2023年年度报告', '2022年度财务决算报告']) {
      assert.equal(readsAsReport(text, true), null, text);
    }
  });

  test('政府工作报告, 统计公报 and documents about the reports are not reports', () => {
    for (const text of [
      '2024年青禾县政府工作报告',
      '青禾县人民政府2023年政府工作报告',
      '青禾县2023年国民经济和社会发展统计公报',
      '关于做好2023年政府信息公开工作年度报告编制和发布工作的通知',
      '《青禾县人民政府2023年政府信息公开工作年度报告》解读',
      '一图读懂青禾县2023年政府信息公开工作年度报告',
      '中华人民共和国政府信息公开工作年度报告格式',
      '青禾县政府信息公开指南',
      '政务公开',
      '首页',
    ]) {
      assert.equal(readsAsReport(text, true), null, text);
    }
  });

  test('years: 年 wins over a bare number, dates are not years, Chinese numerals', () => {
    assert.equal(yearIn('发布于2024-01-22的2023年报告'), 2023);
    assert.equal(yearIn('二〇二三年度'), 2023);
    assert.equal(yearIn('二O二二年'), 2022);
    assert.equal(yearIn('报告 2021'), 2021);
    assert.equal(yearIn('第1998号'), null);
    assert.equal(yearIn('2024年1月22日'), null);
    assert.equal(yearInUrl(new URL('http://x.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=1&fbtime=2023')), 2023);
    assert.equal(yearInUrl(new URL('http://x.gov.cn/public/column/6596421?type=4&timeFrame=2018')), 2018);
    assert.equal(yearInUrl(new URL('http://x.gov.cn/zfxxgknb/2021n/')), 2021);
    assert.equal(yearInUrl(new URL('http://x.gov.cn/zfxxgknb/nb_2020/index.html')), 2020);
    assert.equal(yearInUrl(new URL('http://x.gov.cn/art/2024/1/22/art_1_2.html')), null);
  });

  test('path words of report columns and kinds of body', () => {
    for (const p of [
      '/zwgk/zfxxgknb/',
      '/xxgk/xxgknb/index.html',
      '/gknb/',
      '/ndbg/2023/',
      '/xxgkndbg/',
      '/zfxxgkndbg/',
      '/nb/2023nb/',
      '/x/2021n/',
      '/x/nb_2021/',
    ])
      assert.ok(pathWords(new URL(p, 'http://x.gov.cn')).column, p);
    for (const p of ['/bmnb/', '/jd/', '/xzjd/', '/szfbm/', '/qzfbm/', '/zfgzbm/', '/xj/', '/sj/'])
      assert.deepEqual(pathWords(new URL(p, 'http://x.gov.cn')), { column: false, kind: true }, p);
    for (const p of ['/zwgk/zcjd/', '/xwzx/', '/art/2024/1/22/art_1_2.html', '/nbsp/'])
      assert.deepEqual(pathWords(new URL(p, 'http://x.gov.cn')), { column: false, kind: false }, p);
  });

  test('link texts of sub-columns', () => {
    assert.equal(columnText('2023年'), 'year');
    assert.equal(columnText('2022年度'), 'year');
    assert.equal(columnText('二〇二一年度'), 'year');
    assert.equal(columnText('部门年报'), 'kind');
    assert.equal(columnText('乡镇（街道）年报'), 'kind');
    assert.equal(columnText('镇街'), 'kind');
    assert.equal(columnText('政府信息公开年报'), 'report-column');
    assert.equal(columnText('县教育局'), 'body');
    assert.equal(columnText('柳湾镇人民政府'), 'body');
    for (const text of ['政务公开', '政策解读', '首页', '互动交流', '2023年政府工作报告']) assert.equal(columnText(text), null, text);
  });
});

describe('dates', () => {
  test('normalised to YYYY-MM-DD', () => {
    assert.equal(normaliseDate('2024-01-22 10:30:05'), '2024-01-22');
    assert.equal(normaliseDate('2024-1-2'), '2024-01-02');
    assert.equal(normaliseDate('2024/01/22'), '2024-01-22');
    assert.equal(normaliseDate('2024.01.22'), '2024-01-22');
    assert.equal(normaliseDate('2024年1月22日'), '2024-01-22');
    assert.equal(normaliseDate('20240122'), '2024-01-22');
    assert.equal(normaliseDate('二〇二四年一月二十二日'), '2024-01-22');
    assert.equal(normaliseDate('二〇二三年十二月三十一日'), '2023-12-31');
    assert.equal(normaliseDate('2023年2月30日'), null);
    assert.equal(normaliseDate('第3号'), null);
  });

  test('visible date lines, 发布 first, 日期 only as a label of its own', () => {
    assert.equal(visibleDate('成文日期：2024年1月20日\n发布日期：2024年1月22日'), '2024-01-22');
    assert.equal(visibleDate('发布时间: 2023-01-16 09:00 来源：柳湾镇'), '2023-01-16');
    assert.equal(visibleDate('日期：2022/12/30'), '2022-12-30');
    assert.equal(visibleDate('成文日期：二〇二四年一月二十日'), '2024-01-20');
    assert.equal(visibleDate('统计日期从2023年1月1日至12月31日'), null);
    assert.equal(visibleDate('更新日期：2023-01-01'), null);
  });
});

describe('urls', () => {
  test('articles and listings in the shapes of the common site systems', () => {
    for (const u of [
      'http://x.gov.cn/zwgk/202301/t20230128_3929475.html',
      'http://x.gov.cn/zwgk/202301/t20230128_3929475_wap.shtml',
      'http://x.gov.cn/qhs/content/post_4127379.html',
      'http://x.gov.cn/art/2024/1/22/art_1229_3456.html',
      'http://x.gov.cn/info/2956/34000.htm',
      'http://x.gov.cn/news/detail.jsp?id=1234',
    ])
      assert.ok(isArticleUrl(new URL(u)), u);
    for (const u of [
      'http://x.gov.cn/zwgk/zfxxgknb/',
      'http://x.gov.cn/zwgk/zfxxgknb/index_2.html',
      'http://x.gov.cn/col/col1229/index.html',
      'http://x.gov.cn/public/column/6596421?type=4&action=list',
    ])
      assert.ok(isListingUrl(new URL(u)), u);
  });

  test('files by extension, download parameter, viewer, or the link words', () => {
    const f = (u: string, words = '') => {
      const found = fileLink(new URL(u), words);
      return found && { url: found.url.href, fileType: found.fileType };
    };
    assert.deepEqual(f('http://x.gov.cn/zwgk/202301/P020230128512345678901.pdf'), {
      url: 'http://x.gov.cn/zwgk/202301/P020230128512345678901.pdf',
      fileType: 'pdf',
    });
    assert.equal(f('http://x.gov.cn/a/B.DOCX')?.fileType, 'docx');
    assert.equal(f('http://x.gov.cn/a/b.wps')?.fileType, 'wps');
    assert.equal(f('http://x.gov.cn/module/download/downfile.jsp?classid=0&filename=2401.pdf')?.fileType, 'pdf');
    assert.deepEqual(f('http://x.gov.cn/pdfjs/web/viewer.html?file=/upload/a.pdf'), { url: 'http://x.gov.cn/upload/a.pdf', fileType: 'pdf' });
    assert.equal(f('http://x.gov.cn/attach/download?id=99', '2023年年报.doc')?.fileType, 'doc');
    assert.deepEqual(f('http://x.gov.cn/attach/download?id=99', '附件'), { url: 'http://x.gov.cn/attach/download?id=99', fileType: undefined });
    assert.equal(f('http://x.gov.cn/zwgk/t20230128_1.html', '附件'), null);
    assert.equal(f('http://x.gov.cn/a/b.xls'), null);
  });

  test('one site: the hosts under one registered name, an address with its port', () => {
    assert.equal(siteOf(new URL('http://www.hongze.gov.cn/x')), 'hongze.gov.cn');
    assert.equal(siteOf(new URL('http://xxgk.hongze.gov.cn/x')), 'hongze.gov.cn');
    assert.equal(siteOf(new URL('http://big5.hongze.gov.cn/x')), 'hongze.gov.cn');
    assert.notEqual(siteOf(new URL('http://www.huaian.gov.cn/')), siteOf(new URL('http://www.hongze.gov.cn/')));
    assert.equal(siteOf(new URL('http://127.0.0.1:8080/x')), '127.0.0.1:8080');
    assert.notEqual(siteOf(new URL('http://127.0.0.1:8080/')), siteOf(new URL('http://127.0.0.1:8081/')));
  });
});

describe('pagination', () => {
  const base = new URL('http://x.gov.cn/zwgk/zfxxgknb/index.html');

  test('createPageHTML: index.html is page 0, then index_1 … index_{total-1}', () => {
    assert.deepEqual(scriptPages(['createPageHTML(4, 0, "index", "html");'], base, 500), [
      'http://x.gov.cn/zwgk/zfxxgknb/index.html',
      'http://x.gov.cn/zwgk/zfxxgknb/index_1.html',
      'http://x.gov.cn/zwgk/zfxxgknb/index_2.html',
      'http://x.gov.cn/zwgk/zfxxgknb/index_3.html',
    ]);
    // With an element id first and a record count last, numbers by variable, .shtml.
    assert.equal(
      scriptPages(["var total = 3; createPageHTML('page_div', total, 1, 'list', 'shtml', 45);"], base, 500).at(-1),
      'http://x.gov.cn/zwgk/zfxxgknb/list_2.shtml',
    );
    // One page: nothing to page.
    assert.deepEqual(scriptPages(['createPageHTML(1, 0, "index", "html");'], base, 500), []);
    // A pager that claims a million pages is cut to the budget.
    assert.equal(scriptPages(['createPageHTML(1000000, 0, "index", "html");'], base, 10).length, 11);
  });

  test('the gaps between numbered pages, up to 尾页, are filled in', () => {
    const links = ['index_1.html', 'index_2.html', 'index_9.html'].map((h) => new URL(h, base));
    assert.deepEqual(
      fillPages(links, base, 500).map((u) => u.replace('http://x.gov.cn/zwgk/zfxxgknb/', '')),
      ['index_3.html', 'index_4.html', 'index_5.html', 'index_6.html', 'index_7.html', 'index_8.html'],
    );
    const query = new URL('http://x.gov.cn/list.jsp?cat=7&pageNo=3');
    const pages = fillPages(
      ['?cat=7&pageNo=2', '?pageNo=6&cat=7'].map((h) => new URL(h, query)),
      query,
      500,
    );
    assert.deepEqual(
      pages,
      [4, 5].map((n) => `http://x.gov.cn/list.jsp?cat=7&pageNo=${n}`),
      'the current page is not listed again',
    );
    assert.deepEqual(fillPages([new URL('index_1.html', base), new URL('index_9999.html', base)], base, 500), [], 'no filling beyond the budget');
    // Another listing's numbers are not this one's.
    assert.deepEqual(fillPages([new URL('http://x.gov.cn/other/index_5.html')], base, 500), []);
  });

  test('numbered links, 下一页 and 尾页 in a pager; ?page=N, curPage=', () => {
    const page = html(`<ul><li><a href="/zwgk/t20240101_1.html">一条新闻</a></li></ul>
      <div class="fenye"><a href="index.html">首页</a><a href="index_1.html">2</a><a href="index_2.html">3</a><a href="index_1.html">下一页</a><a href="index_7.html">尾页</a></div>`);
    const r = readPage(fetched('http://x.gov.cn/zwgk/tzgg/index.html', page));
    assert.deepEqual(
      r.pagination.map((u) => u.replace('http://x.gov.cn/zwgk/tzgg/', '')),
      ['index_1.html', 'index_2.html', 'index_7.html', 'index_3.html', 'index_4.html', 'index_5.html', 'index_6.html'],
    );
    const q = readPage(
      fetched('http://x.gov.cn/list.do?lm=3&curPage=2', html('<p><a href="list.do?lm=3&curPage=1">上一页</a> <a href="list.do?curPage=3&lm=3">下页</a></p>')),
    );
    assert.deepEqual(q.pagination, ['http://x.gov.cn/list.do?lm=3&curPage=1', 'http://x.gov.cn/list.do?curPage=3&lm=3']);
  });

  test('column-index-N.shtml, and pages named by their number alone (list/N.html, VSB xxgknb/N.htm)', () => {
    const dash = readPage(
      fetched(
        'http://x.gov.cn/xxgk/nb/column-index-1.shtml',
        html(
          '<div class="pagination"><a href="column-index-2.shtml">2</a><a href="column-index-2.shtml">下一页</a><a href="column-index-6.shtml">末页</a></div>',
        ),
      ),
    );
    assert.deepEqual(
      dash.pagination.map((u) => u.replace('http://x.gov.cn/xxgk/nb/', '')).sort(),
      [2, 3, 4, 5, 6].map((n) => `column-index-${n}.shtml`),
    );
    const numbered = readPage(
      fetched('http://x.gov.cn/xxgk/nb/', html('<p class="pg"><a href="2.html">2</a> <a href="2.html">下一页</a> <a href="5.html">尾页</a></p>')),
    );
    assert.deepEqual(numbered.pagination.map((u) => u.replace('http://x.gov.cn/xxgk/nb/', '')).sort(), ['2.html', '3.html', '4.html', '5.html']);
    const vsb = readPage(
      fetched('http://x.gov.cn/xxgk/xxgknb.htm', html('<td class="pagestyle"><a href="xxgknb/4.htm">下页</a> <a href="xxgknb/1.htm">尾页</a></td>')),
    );
    assert.deepEqual(vsb.pagination.sort(), [
      'http://x.gov.cn/xxgk/xxgknb/1.htm',
      'http://x.gov.cn/xxgk/xxgknb/2.htm',
      'http://x.gov.cn/xxgk/xxgknb/3.htm',
      'http://x.gov.cn/xxgk/xxgknb/4.htm',
    ]);
  });

  test('a link that only says 查看 / 下载 / 更多 reads as the row around it', () => {
    const page = html(`<div class="box"><div class="box-title">政府信息公开年报<a href="/xxgk/zfxxgknb/">更多&gt;&gt;</a></div>
      <table class="list">
        <tr><td>青禾县人民政府2023年政府信息公开工作年度报告</td><td>2024-01-18</td><td><a href="/xxgk/zfxxgknb/202401/t20240118_1.html">查看</a></td></tr>
        <tr><td>青禾县人民政府2022年政府信息公开工作年度报告</td><td><a href="/xxgk/zfxxgknb/202301/P020230120.pdf">[下载]</a></td></tr>
        <tr><td>县政府常务会议纪要</td><td><a href="/xwzx/t20240101_9.html">查看</a></td></tr>
      </table></div>`);
    const r = readPage(fetched('http://x.gov.cn/index.html', page));
    assert.deepEqual(
      r.reportLinks.map((l) => [l.url.replace('http://x.gov.cn', ''), l.year]),
      [
        ['/xxgk/zfxxgknb/202401/t20240118_1.html', 2023],
        ['/xxgk/zfxxgknb/202301/P020230120.pdf', 2022],
      ],
    );
    assert.deepEqual(urls(r.columnLinks), ['http://x.gov.cn/xxgk/zfxxgknb/']);
  });

  test('首页 outside a pager is the home page, a number outside it is not a page', () => {
    const r = readPage(fetched('http://x.gov.cn/zwgk/index.html', html('<div class="nav"><a href="/">首页</a></div><p><a href="/zt/2.html">2</a></p>')));
    assert.deepEqual(r.pagination, []);
  });
});

describe('readPage on the shapes of real portals', () => {
  test('a TRS column: createPageHTML pages, report links with their years, sub-columns, site metadata', () => {
    const r = read('trs-column.html', 'http://www.qinghe.gov.cn/zwgk/zfxxgknb/index.html');
    assert.deepEqual(r.pagination, ['http://www.qinghe.gov.cn/zwgk/zfxxgknb/index_1.html', 'http://www.qinghe.gov.cn/zwgk/zfxxgknb/index_2.html']);
    assert.deepEqual(
      r.reportLinks.map((l) => [l.url.replace('http://www.qinghe.gov.cn/zwgk/zfxxgknb/', ''), l.year]),
      [
        ['202401/t20240118_4127001.html', 2023],
        ['202301/t20230128_3929475.html', 2022],
        ['202201/t20220125_3510226.shtml', 2021],
        ['202101/t20210129_3200001.html', 2020],
        ['202001/P020200131512345678901.pdf', 2019],
      ],
    );
    assert.equal(r.reportLinks[1]!.title, '青禾县人民政府2022年政府信息公开工作年度报告');
    assert.deepEqual(urls(r.attachments), ['http://www.qinghe.gov.cn/zwgk/zfxxgknb/202001/P020200131512345678901.pdf']);
    assert.equal(r.attachments[0]!.fileType, 'pdf');
    assert.deepEqual(
      r.columnLinks.map((l) => l.text),
      ['县政府年报', '部门年报', '乡镇（街道）年报'],
    );
    assert.deepEqual(
      { siteName: r.meta.siteName, siteDomain: r.meta.siteDomain, siteIdCode: r.meta.siteIdCode, columnName: r.meta.columnName, title: r.meta.title },
      {
        siteName: '青禾县人民政府',
        siteDomain: 'www.qinghe.gov.cn',
        siteIdCode: '9999990001',
        columnName: '政府信息公开年报',
        title: '政府信息公开年报_青禾县人民政府',
      },
    );
    assert.equal(r.isReport, false);
    assert.equal(r.isChallenge, false);
  });

  test('a report page with tables: metadata, a report, its PDF, the previous year, not the 统计公报 next to it', () => {
    const r = read('trs-report-tables.html', 'http://www.qinghe.gov.cn/zwgk/zfxxgknb/202401/t20240118_4127001.html');
    assert.equal(r.isReport, true);
    assert.equal(r.meta.articleTitle, '青禾县人民政府2023年政府信息公开工作年度报告');
    assert.equal(r.meta.heading, '青禾县人民政府2023年政府信息公开工作年度报告');
    assert.equal(r.meta.pubDate, '2024-01-18 09:30');
    assert.equal(r.meta.publishedAt, '2024-01-18');
    assert.equal(r.meta.contentSource, '青禾县人民政府办公室');
    assert.deepEqual(urls(r.attachments), ['http://www.qinghe.gov.cn/zwgk/zfxxgknb/202401/P020240118391234567890.pdf']);
    assert.deepEqual(urls(r.reportLinks), [
      'http://www.qinghe.gov.cn/zwgk/zfxxgknb/202401/P020240118391234567890.pdf',
      'http://www.qinghe.gov.cn/zwgk/zfxxgknb/202301/t20230128_3929475.html',
    ]);
    assert.deepEqual(r.pagination, []);
    assert.ok(!JSON.stringify(r).includes('t20240205_4130001'), 'the 统计公报 is not followed');
  });

  test('a page that only wraps files: a report, each file a report link with the page year', () => {
    const r = read('report-wraps-files.html', 'http://www.qinghe.gov.cn/art/2024/1/22/art_1241_3456790.html');
    assert.equal(r.isReport, true);
    assert.equal(r.meta.publishedAt, '2024-01-22');
    assert.equal(r.meta.heading, '青禾县教育局2023年政府信息公开工作年度报告');
    assert.deepEqual(
      r.attachments.map((a) => [a.url.replace('http://www.qinghe.gov.cn', ''), a.fileType]),
      [
        ['/module/download/downfile.jsp?classid=0&filename=2401221030123.pdf', 'pdf'],
        ['/uploadfile/2024/0122/20240122103456789.docx', 'docx'],
        ['/attach/0/2401221030124.doc', 'doc'],
        ['/uploadfile/2024/0122/report.wps', 'wps'],
      ],
    );
    assert.deepEqual(new Set(urls(r.reportLinks)), new Set(urls(r.attachments)));
    assert.ok(r.reportLinks.every((l) => l.year === 2023));
  });

  test('a listing paged by ?page=N: pages up to 尾页, report links on this site and another', () => {
    const r = read('query-pager-list.html', 'https://www.qinghe.gov.cn/gkmlpt/ndbg');
    assert.deepEqual(
      r.pagination.map((u) => Number(new URL(u).searchParams.get('page'))).sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.equal(r.reportLinks.length, 5);
    assert.ok(r.reportLinks.some((l) => l.url === 'https://www.qinghe-other.gov.cn/xxgk/content/post_99.html'));
    assert.equal(r.reportLinks.find((l) => l.text === '2023年年报')?.year, 2023, 'a bare 年报 in a report column');
    assert.equal(r.isReport, false);
  });

  test('a Hanweb column: the rows kept as CDATA records in its datastore', () => {
    const r = read('hanweb-datastore.html', 'http://www.qinghequ.gov.cn/col/col1229/index.html');
    assert.deepEqual(
      r.reportLinks.map((l) => [l.url.replace('http://www.qinghequ.gov.cn', ''), l.year]),
      [
        ['/art/2024/1/22/art_1229_3456789.html', 2023],
        ['/art/2023/1/20/art_1229_3300001.html', 2022],
        ['/art/2022/1/21/art_1229_3100002.html', 2021],
      ],
    );
    assert.equal(r.isReport, false);
  });

  test('a Hanweb column with more rows than its first group: the dataproxy groups; the dataproxy answer (XML) read for its records', () => {
    const records = Array.from(
      { length: 45 },
      (_, i) =>
        `<record><![CDATA[<li><a href="/art/2024/1/${(i % 28) + 1}/art_1229_${5000 + i}.html">青禾区某局${i}号2023年政府信息公开工作年度报告</a></li>]]></record>`,
    ).join('');
    const page = html(
      `<div id="2334"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=77&path=/&columnid=1229&unitid=2334&webname=%E9%9D%92&permissiontype=0"></a>]]></nextgroup><recordset>${records}</recordset></datastore></script>
       <script>$('#2334').jpage({ dataStore: dataStore, perPage: 15, totalRecord: 100, groupSize: 3 });</script></div>`,
      '<title>政府信息公开年报</title>',
    );
    const r = readPage(fetched('http://www.qinghequ.gov.cn/col/col1229/index.html', page));
    assert.equal(r.reportLinks.length, 45);
    assert.deepEqual(
      r.pagination.map((u) => [
        new URL(u).pathname,
        new URL(u).searchParams.get('startrecord'),
        new URL(u).searchParams.get('endrecord'),
        new URL(u).searchParams.get('columnid'),
      ]),
      [
        ['/module/web/jpage/dataproxy.jsp', '46', '90', '1229'],
        ['/module/web/jpage/dataproxy.jsp', '91', '100', '1229'],
      ],
    );
    const xml = `<?xml version="1.0" encoding="UTF-8"?><datastore><recordset><record><![CDATA[<li><a href="/art/2019/1/30/art_1229_900.html">青禾区人民政府2018年政府信息公开工作年度报告</a></li>]]></record></recordset></datastore>`;
    const answer = readPage(fetched(r.pagination[0]!, xml, { headers: { 'content-type': 'text/xml;charset=UTF-8' }, sniffed: 'text' }));
    assert.deepEqual(urls(answer.reportLinks), ['http://www.qinghequ.gov.cn/art/2019/1/30/art_1229_900.html']);
  });

  test("a year's sub-column whose rows name only their body: each row is that body's report of the column's year", () => {
    const rows = ['县教育局', '县卫生健康委员会', '柳湾镇人民政府']
      .map((name, i) => `<li><a href="/zwgk/zfxxgknb/2023nb/202401/t2024011${i}_41250${i}.html">${name}</a></li>`)
      .join('');
    const page = html(`<ul class="list">${rows}</ul>`, '<meta name="ColumnName" content="2023年度"><title>2023年度_政府信息公开年报_青禾县人民政府</title>');
    const r = readPage(fetched('http://www.qinghe.gov.cn/zwgk/zfxxgknb/2023nb/', page));
    assert.deepEqual(
      r.reportLinks.map((l) => [l.text, l.year]),
      [
        ['县教育局', 2023],
        ['县卫生健康委员会', 2023],
        ['柳湾镇人民政府', 2023],
      ],
    );
    // The same words elsewhere on a page that is not a report column lead nowhere.
    const news = readPage(fetched('http://www.qinghe.gov.cn/xwzx/', html(rows, '<title>新闻中心</title>')));
    assert.deepEqual(news.reportLinks, []);
  });

  test("a region's column: years, departments and townships as sub-columns; the annual-report module and timeFrame as reports", () => {
    const r = read('region-column.html', 'http://www.qinghe.gov.cn/zwgk/zfxxgknb/gdwnb/');
    const columns = r.columnLinks.map((l) => l.url.replace('http://www.qinghe.gov.cn', ''));
    assert.deepEqual(columns, [
      '/zwgk/zfxxgknb/',
      '/zwgk/zfxxgknb/2023nb/',
      '/zwgk/zfxxgknb/2022nb/',
      '/zwgk/zfxxgknb/nb_2021/index.html',
      '/zwgk/zfxxgknb/bmnb/jyj/',
      '/zwgk/zfxxgknb/bmnb/wjw/',
      '/col/col1241/index.html',
      '/zwgk/zfxxgknb/xzjd/lwz/',
      '/zwgk/zfxxgknb/xzjd/cgjd/',
    ]);
    assert.deepEqual(
      r.columnLinks.filter((l) => l.year).map((l) => l.year),
      [2023, 2022, 2021],
    );
    assert.deepEqual(
      r.reportLinks.map((l) => [l.url.replace('http://www.qinghe.gov.cn', ''), l.year]),
      [
        ['/public/column/6596421?type=4&action=list&nav=3&catId=6719251&timeFrame=2018', 2018],
        ['/module/xxgk/xxgkAnnualReport.jsp?area=11330100MB0000001A&fbtime=2023', 2023],
        ['/module/xxgk/xxgkAnnualReport.jsp?area=11330100MB0000002B&fbtime=2022', 2022],
      ],
    );
    for (const off of ['/zcjd/', '/xwzx/', 'other-county']) assert.ok(!JSON.stringify(r.columnLinks).includes(off), off);
  });

  test('a VSB listing: /info/2956/34000.htm reports, 下页 / 尾页 / numbers counting down', () => {
    const r = read('vsb-info-list.htm', 'http://kjj.qinghe.gov.cn/xxgk/xxgknb.htm');
    assert.deepEqual(r.pagination, ['http://kjj.qinghe.gov.cn/xxgk/xxgknb/2.htm', 'http://kjj.qinghe.gov.cn/xxgk/xxgknb/1.htm']);
    assert.deepEqual(urls(r.reportLinks), ['http://kjj.qinghe.gov.cn/info/2956/34000.htm', 'http://kjj.qinghe.gov.cn/info/2956/31000.htm']);
  });

  test('near misses: 政府工作报告, 统计公报, notices and 解读 about the reports, 企业年报, menus', () => {
    const r = read('negatives.html', 'http://www.qinghe.gov.cn/zwgk/tzgg/index.html');
    assert.deepEqual(r.reportLinks, []);
    assert.deepEqual(r.attachments, []);
    assert.deepEqual(r.columnLinks, []);
    assert.equal(r.isReport, false);
  });

  test('a GBK page, its charset only in a meta tag: decoded, a report, 发布日期', () => {
    const r = read('gbk-report.html', 'http://www.qinghe.gov.cn/lwz/nb/202301/t20230116_1.html');
    assert.equal(r.meta.title, '柳湾镇人民政府2022年政府信息公开工作年度报告');
    assert.equal(r.meta.publishedAt, '2023-01-16');
    assert.equal(r.isReport, true);
  });

  test('an older pager written by a script loop', () => {
    const r = read('script-concat-pager.html', 'http://www.qinghe.gov.cn/zwgk/zfxxgknb/bmnb/index.html');
    assert.deepEqual(
      r.pagination.map((u) => u.replace('http://www.qinghe.gov.cn/zwgk/zfxxgknb/bmnb/', '')),
      ['index_1.html', 'index_2.html', 'index_3.html'],
    );
    assert.equal(r.reportLinks.length, 2);
  });
});

describe('isReport', () => {
  const outline = [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ];

  test('the six-part outline makes a report even with a plain title', () => {
    const r = readPage(
      fetched('http://x.gov.cn/a/t20240101_1.html', html(outline.map((p) => `<p>${p}</p><p>正文内容。</p>`).join(''), '<title>青禾县人民政府</title>')),
    );
    assert.equal(r.isReport, true);
  });

  test('the pre-2019 outline and its 统计表 rows', () => {
    const old = [
      '一、概述',
      '二、主动公开政府信息的情况',
      '三、依申请公开政府信息情况',
      '四、政府信息公开的收费及减免情况',
      '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
    ];
    const r = readPage(fetched('http://x.gov.cn/a/t20100101_1.html', html(old.map((p) => `<p>${p}</p>`).join(''))));
    assert.equal(r.isReport, true);
  });

  test('a listing of report titles, however many, is not a report', () => {
    const items = Array.from({ length: 6 }, (_, i) => `<li><a href="./t2024010${i}_1.html">青禾县某局${2018 + i}年政府信息公开工作年度报告</a></li>`).join('');
    const r = readPage(
      fetched('http://x.gov.cn/zfxxgknb/index.html', html(`<h1>2023年度报告</h1><ul>${items}</ul>`, '<title>2023年度_政府信息公开年报</title>')),
    );
    assert.equal(r.isReport, false);
    assert.equal(r.reportLinks.length, 6);
  });

  test('a heading alone, with nothing under it, is not a report; with a file it is', () => {
    const bare = readPage(fetched('http://x.gov.cn/zfxxgknb/2023/', html('<p>暂无信息</p>', '<title>2023年政府信息公开工作年度报告</title>')));
    assert.equal(bare.isReport, false);
    const wrapped = readPage(
      fetched('http://x.gov.cn/a/t1.html', html('<p><a href="/u/P0201.pdf">下载</a></p>', '<title>2023年政府信息公开工作年度报告_青禾县</title>')),
    );
    assert.equal(wrapped.isReport, true);
    assert.equal(wrapped.reportLinks[0]?.year, 2023);
  });

  test('files opened by onclick or only by a script (a viewer) are still its attachments', () => {
    const onclick = readPage(
      fetched(
        'http://x.gov.cn/a/t1.html',
        html(`<span class="down" onclick="window.open('/upload/2024/nb.pdf')">下载附件</span>`, '<title>柳湾镇2023年政府信息公开工作年度报告</title>'),
      ),
    );
    assert.deepEqual(urls(onclick.attachments), ['http://x.gov.cn/upload/2024/nb.pdf']);
    assert.equal(onclick.isReport, true);
    const script = readPage(
      fetched(
        'http://x.gov.cn/a/t2.html',
        html(
          `<div id="viewer"></div><script>PDFObject.embed("/upload/2024/P020240110.pdf", "#viewer");</script>`,
          '<title>柳湾镇2023年政府信息公开工作年度报告</title>',
        ),
      ),
    );
    assert.deepEqual(urls(script.attachments), ['http://x.gov.cn/upload/2024/P020240110.pdf']);
    assert.deepEqual(urls(script.reportLinks), ['http://x.gov.cn/upload/2024/P020240110.pdf']);
  });

  test('the link that led here can name the report when the page does not', () => {
    const page = html('<p><a href="/u/a.docx">附件</a></p>', '<title>青禾县人民政府</title>');
    assert.equal(readPage(fetched('http://x.gov.cn/a/t1.html', page)).isReport, false);
    assert.equal(readPage(fetched('http://x.gov.cn/a/t1.html', page), { linkText: '柳湾镇2023年政府信息公开工作年度报告' }).isReport, true);
  });

  test('政府工作报告 with its own long text is not a disclosure report', () => {
    const body = `<h1>2024年政府工作报告</h1>${'<p>过去一年，全县经济社会发展取得新成效，地区生产总值增长百分之六。</p>'.repeat(20)}`;
    const r = readPage(fetched('http://x.gov.cn/zfgzbg/t20240125_1.html', html(body, '<title>2024年政府工作报告</title>')));
    assert.equal(r.isReport, false);
  });
});

describe('script challenges and redirects', () => {
  test('WAF cookie scripts are challenges, whatever the status', () => {
    assert.equal(read('challenge-jsl-521.html', 'http://x.gov.cn/', { status: 521 }).isChallenge, true);
    assert.equal(read('challenge-jsl-521.html', 'http://x.gov.cn/', { status: 200 }).isChallenge, true);
    assert.equal(read('challenge-ruishu-412.html', 'http://x.gov.cn/', { status: 412 }).isChallenge, true);
    assert.equal(read('challenge-ruishu-412.html', 'http://x.gov.cn/', { status: 202 }).isChallenge, true);
    assert.equal(read('challenge-cookie-eval-200.html', 'http://x.gov.cn/').isChallenge, true);
  });

  test('a challenge has no links to follow', () => {
    const r = readPage(
      fetched('http://x.gov.cn/', '<html><body><a href="/zfxxgknb/">年报</a><script>document.cookie="acw_sc__v2=abc";location.reload()</script></body></html>'),
    );
    assert.equal(r.isChallenge, true);
    assert.deepEqual(r.columnLinks, []);
  });

  test('a plain script redirect and a meta refresh are redirects, not challenges', () => {
    const js = read('js-redirect.html', 'http://www.qinghe.gov.cn/zwgk/zfxxgknb/');
    assert.equal(js.isChallenge, false);
    assert.equal(js.redirect, 'http://www.qinghe.gov.cn/zwgk/col/col1229/index.html');
    const meta = read('meta-refresh.html', 'http://www.qinghe.gov.cn/nb/');
    assert.equal(meta.isChallenge, false);
    assert.equal(meta.redirect, 'http://www.qinghe.gov.cn/zwgk/zfxxgknb/index.html');
  });

  test('a small real page with an analytics script, and a report page with WAF words in its text, are not challenges', () => {
    const small = html(
      '<p>暂无信息</p><script>var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?x";})();</script>',
    );
    assert.equal(readPage(fetched('http://x.gov.cn/a/', small)).isChallenge, false);
    const big = read('trs-report-tables.html', 'http://www.qinghe.gov.cn/zwgk/zfxxgknb/202401/t20240118_4127001.html', { status: 412 });
    assert.equal(big.isChallenge, false);
  });
});

describe('decoding and what is not a page', () => {
  const gbkPage = (meta: string) =>
    iconv.encode(html('<h1>柳湾镇人民政府2022年政府信息公开工作年度报告</h1><p>主动公开政府信息八十六条。</p>').replace('<meta charset="utf-8">', meta), 'gbk');

  test('GBK with the charset in the header only, in a meta tag only, or nowhere', () => {
    const title = '柳湾镇人民政府2022年政府信息公开工作年度报告';
    for (const [label, body, headers] of [
      ['header', gbkPage(''), { 'content-type': 'text/html; charset=GBK' }],
      ['meta', gbkPage('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), {}],
      ['none', gbkPage(''), { 'content-type': 'text/html' }],
      ['wrong header', gbkPage(''), { 'content-type': 'text/html; charset=utf-8' }],
    ] as const) {
      const f = fetched('http://x.gov.cn/a/t1.html', body, { headers: { ...headers } });
      assert.ok(decodePage(f)?.includes(title), label);
      assert.equal(readPage(f).meta.heading, title, label);
    }
  });

  test('meta names are matched whatever their case', () => {
    const r = readPage(
      fetched(
        'http://x.gov.cn/a/t1.html',
        html('', '<meta name="articletitle" content="甲"><META NAME="PUBDATE" CONTENT="2023/1/2"><meta name="siteidcode" content="3201000001">'),
      ),
    );
    assert.equal(r.meta.articleTitle, '甲');
    assert.equal(r.meta.publishedAt, '2023-01-02');
    assert.equal(r.meta.siteIdCode, '3201000001');
  });

  test('a 304, a PDF and an empty body read as nothing', () => {
    for (const f of [
      fetched('http://x.gov.cn/a.html', '', { notModified: true, status: 304 }),
      fetched('http://x.gov.cn/a.pdf', '%PDF-1.7 …', { sniffed: 'pdf' }),
      fetched('http://x.gov.cn/a.html', ''),
    ]) {
      const r = readPage(f);
      assert.deepEqual([r.pagination, r.reportLinks, r.attachments, r.columnLinks, r.isReport, r.isChallenge], [[], [], [], [], false, false]);
    }
  });

  test('what a page can fail with is in the run report vocabulary', () => {
    for (const reason of ['unreadable', 'script challenge'] as const) assert.ok(HARVEST_FAILURES.includes(reason), reason);
  });

  test('markup nested beyond the ingest limit is refused as unreadable', () => {
    const deep = `<html><body>${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</body></html>`;
    assert.throws(
      () => readPage(fetched('http://x.gov.cn/deep.html', deep)),
      (e: unknown) => e instanceof HarvestError && e.reason === 'unreadable',
    );
  });

  test('links: javascript:window.open targets, <base href>, fragments dropped, other schemes ignored', () => {
    const page = html(
      `<a href="javascript:window.open('/nb/t20240101_1.html')">柳湾镇2023年政府信息公开工作年度报告</a>
       <a href="t20230101_2.html#top">柳湾镇2022年政府信息公开工作年度报告</a>
       <a href="mailto:a@x.gov.cn">2021年政府信息公开工作年度报告</a>`,
      '<base href="http://x.gov.cn/lwz/nb/">',
    );
    assert.deepEqual(urls(readPage(fetched('http://x.gov.cn/other/index.html', page)).reportLinks), [
      'http://x.gov.cn/nb/t20240101_1.html',
      'http://x.gov.cn/lwz/nb/t20230101_2.html',
    ]);
  });

  test('the hosts of a source count as its site', () => {
    const page = html('<div class="content"><a href="http://xxgk.other.gov.cn/zfxxgknb/bmnb/">部门年报</a></div>', '<title>政府信息公开年报</title>');
    assert.deepEqual(readPage(fetched('http://www.qinghe.gov.cn/zfxxgknb/', page)).columnLinks, []);
    assert.equal(readPage(fetched('http://www.qinghe.gov.cn/zfxxgknb/', page), { hosts: ['xxgk.other.gov.cn'] }).columnLinks.length, 1);
  });
});
