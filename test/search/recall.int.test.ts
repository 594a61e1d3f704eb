import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createMeiliClient } from '../../lib/engine/client';
import { highlight } from '../../lib/search/highlight';
import { DEFAULT_PARAMS } from '../../lib/search/params';
import { searchReports } from '../../lib/search/queries';
import { searchTerms } from '../../lib/search/recall';
import type { ReportHit } from '../../lib/search/types';
import { type SearchFixture, startSearchFixture } from '../support/search-index';

/**
 * The recall set: real queries over the sample reports (data/reports) that jieba's word
 * segmentation used to miss or blur, each with the reports it must find, against a real
 * Meilisearch. With the stock index (jieba words), 城镇, 龙江, 原县, 产镇, 委员会 and 办公厅 found
 * nothing or only some of their reports, and 依申请 or 政府网站 also found reports that only hold
 * one of their words. Every query here also checks the whole answer against a plain substring
 * search of the same documents: nothing missed, nothing extra (but for punctuation between the
 * characters, see looseTruth).
 */

let fixture: SearchFixture;
let documents: Array<{ id: string; haystack: string }>;

before(async () => {
  fixture = await startSearchFixture([
    // 农业 inside a longer name that jieba keeps whole in places.
    {
      file: 'adbc.txt',
      organization: '中国农业发展银行淮安市分行',
      year: 2023,
      newReceived: 2,
      carriedOver: 0,
      carriedForward: 0,
      normativeDocuments: [0, 0, 1],
    },
  ]);
  const admin = createMeiliClient({ url: fixture.meili.url, apiKey: fixture.meili.masterKey });
  const page = await admin
    .index('reports')
    .getDocuments({ limit: 1000, fields: ['id', 'title', 'organization', 'body', 'province', 'city', 'county', 'township', 'formerPlaceName', 'text'] });
  documents = page.results.map((d) => ({
    id: String(d.id),
    // the canonical body name is searched with the organization (天津市发展和改革委员会 finds 天津市发展改革委)
    haystack: [d.title, d.organization, d.body, [d.province, d.city, d.county, d.township, d.formerPlaceName].filter(Boolean).join(' '), d.text]
      .filter(Boolean)
      .join('\n'),
  }));
});
after(async () => {
  await fixture?.meili.stop();
});

async function find(q: string): Promise<ReportHit[]> {
  const first = await searchReports({ ...DEFAULT_PARAMS, q, size: 50 });
  const hits = [...first.hits];
  for (let page = 2; page <= first.totalPages; page++) hits.push(...(await searchReports({ ...DEFAULT_PARAMS, q, size: 50, page })).hits);
  assert.equal(hits.length, first.total, `${q}: every page read`);
  return hits;
}

/** The reports holding every term of the query as a substring (the same matching as highlights). */
function substringTruth(q: string): Set<string> {
  const terms = searchTerms(q);
  return new Set(documents.filter((d) => terms.every((term) => highlight(d.haystack, [term]).some((s) => s.hit))).map((d) => d.id));
}

/**
 * The same, letting punctuation stand between a term's characters: the engine reads some marks as
 * mere spaces, so 政府网站 also finds “区政府)网站”. Such near-misses are the only extras allowed.
 */
function looseTruth(q: string): Set<string> {
  const patterns = searchTerms(q).map((term) => new RegExp(Array.from(term, (c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\p{P}]*'), 'iu'));
  return new Set(documents.filter((d) => patterns.every((p) => p.test(d.haystack))).map((d) => d.id));
}

interface RecallCase {
  q: string;
  /** Organizations that must be among the results. */
  mustFind: string[];
  /** Exactly this many results, when the set is small enough to know. */
  count?: number;
  /** Organizations that must not be among the results. */
  mustNotFind?: string[];
}

const RECALL_SET: RecallCase[] = [
  { q: '农业', mustFind: ['中国农业发展银行淮安市分行', '富县人民政府', '沂源县张家坡镇人民政府'], count: 3 },
  { q: '发展银行', mustFind: ['中国农业发展银行淮安市分行'], count: 1 },
  { q: '依申请', mustFind: ['淮安市人民政府', '威海市文登区张家产镇人民政府', '上海市人民政府办公厅'] },
  { q: '依申请公开', mustFind: ['淮安市洪泽区人民政府'] },
  // Traditional script finds the simplified text.
  { q: '張家產鎮', mustFind: ['威海市文登区张家产镇人民政府'], count: 1 },
  { q: '依申請公開', mustFind: ['淮安市洪泽区人民政府'] },
  { q: '行政復議', mustFind: ['上海市人民政府办公厅'] },
  { q: '海城镇', mustFind: ['海原县海城镇人民政府'], count: 1 },
  // Inside jieba's words: 海城|镇, 黑龙江, 海原|县, 张|家产|镇.
  { q: '城镇', mustFind: ['海原县海城镇人民政府'] },
  { q: '龙江', mustFind: ['黑龙江省商务厅'] },
  { q: '原县', mustFind: ['海原县海城镇人民政府'] },
  { q: '产镇', mustFind: ['威海市文登区张家产镇人民政府'] },
  { q: '威海', mustFind: ['威海市文登区张家产镇人民政府', '张村镇人民政府'], count: 2 },
  { q: '文登', mustFind: ['威海市文登区张家产镇人民政府'] },
  { q: '环翠', mustFind: ['张村镇人民政府'] },
  { q: '办公厅', mustFind: ['上海市人民政府办公厅'] },
  { q: '委员会', mustFind: ['南宁经济技术开发区管理委员会', '重庆市大渡口区卫生健康委员会'] },
  { q: '卫生健康委员会', mustFind: ['重庆市大渡口区卫生健康委员会', '重庆市江津区卫生健康委员会', '重庆市沙坪坝区卫生健康委员会'] },
  { q: '健康委', mustFind: ['重庆市卫生健康委员会'] },
  { q: '什刹海', mustFind: ['北京市西城区什刹海街道办事处'] },
  { q: '政府网站', mustFind: ['淮安市人民政府'] },
  { q: '行政复议', mustFind: ['上海市科委', '淮安市洪泽区人民政府'] },
  { q: '淮安', mustFind: ['淮安市人民政府', '淮安市洪泽区人民政府', '中国农业发展银行淮安市分行'] },
  { q: '洪泽区', mustFind: ['淮安市洪泽区人民政府'] },
  // Several terms: all of them, anywhere in the report.
  { q: '淮安 依申请', mustFind: ['淮安市人民政府', '淮安市洪泽区人民政府'] },
  { q: '山东省 政府网站', mustFind: ['威海市文登区张家产镇人民政府'], mustNotFind: ['淮安市人民政府'] },
  // 沙依巴克 holds 依 but not 依申请 in its name: found only for text that says 依申请.
  { q: '沙依巴克', mustFind: ['沙依巴克区人民政府', '沙依巴克区人民政府办公室'], count: 2 },
  { q: '2023年', mustFind: ['淮安市洪泽区人民政府'] },
];

for (const c of RECALL_SET) {
  test(`recall: ${c.q}`, async () => {
    const hits = await find(c.q);
    const organizations = new Set(hits.map((h) => h.organization));
    for (const organization of c.mustFind)
      assert.ok(organizations.has(organization), `${c.q} must find ${organization}; found ${[...organizations].slice(0, 12).join('、')}`);
    for (const organization of c.mustNotFind ?? []) assert.ok(!organizations.has(organization), `${c.q} must not find ${organization}`);
    if (c.count !== undefined) assert.equal(hits.length, c.count, `${c.q}: ${[...organizations].join('、')}`);

    const truth = substringTruth(c.q);
    const loose = looseTruth(c.q);
    const found = new Set(hits.map((h) => h.id));
    const missed = [...truth].filter((id) => !found.has(id));
    const extra = [...found].filter((id) => !loose.has(id));
    assert.deepEqual({ missed, extra }, { missed: [], extra: [] }, `${c.q}: ${truth.size} reports hold it`);
  });
}

test('recall: a term inside a longer word ranks the report whose title holds it first', async () => {
  const [first] = await find('发展银行');
  assert.equal(first.organization, '中国农业发展银行淮安市分行');
  assert.ok(
    first.highlightedTitle.some((s) => s.hit && s.text === '发展银行'),
    JSON.stringify(first.highlightedTitle),
  );
  const [title] = (await searchReports({ ...DEFAULT_PARAMS, q: '淮安' })).hits;
  assert.ok(
    title.highlightedTitle.some((s) => s.hit),
    `title first: ${JSON.stringify(title.highlightedTitle)}`,
  );
});
