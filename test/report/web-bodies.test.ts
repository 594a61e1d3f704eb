/**
 * Who reported, on the two labelled dev sets of real web excerpts (test/fixtures/corpus/web, web2),
 * each parsed with only its page URL as origin, as `npm run eval:web` does: the canonical body and
 * the level, with floors for each set and one real case for each rule of lib/report/level.ts,
 * lib/report/body.ts and the name finding in lib/report/meta.ts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toSimplified } from '../../lib/region/traditional';
import { originOf, parseReport, type ReportDocument } from '../../lib/report';
import { WEB_DIR, WEB2_DIR } from '../support/corpus';

interface Label {
  file: string;
  url: string;
  organization: string | null;
  level: string | null;
}

const DIRS = { web: WEB_DIR, web2: WEB2_DIR } as const;
const cache = new Map<string, ReportDocument>();

function labels(set: keyof typeof DIRS): Label[] {
  return readFileSync(path.join(DIRS[set], 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Label);
}

function parsed(set: keyof typeof DIRS, file: string): ReportDocument {
  const key = `${set}/${file}`;
  let doc = cache.get(key);
  if (!doc) {
    const label = labels(set).find((l) => l.file === file)!;
    const raw = readFileSync(path.join(DIRS[set], file));
    doc = parseReport(
      raw.toString('utf8'),
      { fileName: file, format: 'txt', encoding: 'utf-8', sha256: createHash('sha256').update(raw).digest('hex'), bytes: raw.length },
      { partial: true, origin: originOf({ url: label.url }) },
    );
    cache.set(key, doc);
  }
  return doc;
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  Boolean(a && b && toSimplified(a.replace(/\s+/g, '')) === toSimplified(b.replace(/\s+/g, '')));

for (const set of ['web', 'web2'] as const) {
  test(`${set}: organization (canonical body or as printed) and level floors`, () => {
    let named = 0;
    let right = 0;
    let levels = 0;
    const all = labels(set);
    const misses: string[] = [];
    for (const label of all) {
      const doc = parsed(set, label.file);
      if (doc.level === label.level) levels++;
      else misses.push(`${label.file} level ${label.level} ≠ ${doc.level}`);
      if (label.organization === null) continue;
      named++;
      if (same(doc.body, label.organization) || same(doc.organization, label.organization)) right++;
      else misses.push(`${label.file} ${label.organization} ≠ ${doc.body ?? doc.organization}`);
    }
    console.log(`[report] ${set}: organization ${right}/${named}, level ${levels}/${all.length}${misses.length ? `; misses: ${misses.join('; ')}` : ''}`);
    assert.ok(right / named >= 0.93, `organization ${right}/${named}`);
    assert.ok(levels / all.length >= 0.95, `level ${levels}/${all.length}`);
  });
}

const cases: Array<[keyof typeof DIRS, string, string | null, string, string]> = [
  // a street named once, its district from the host, 街道 from the path word jd
  ['web2', '001.txt', '广州市海珠区官洲街道办事处', 'township', 'a street office under its district and prefecture'],
  // 我旗 with only 政府办公室 as publisher
  ['web', '006.txt', '乌拉特前旗人民政府', 'county', 'the report calls itself 我旗'],
  // 我区 with 三亚市海棠区 in a chain
  ['web2', '052.txt', '三亚市海棠区人民政府', 'county', 'the text speaks as a county'],
  // 本市, a 2008 report re-posted on the province's site
  ['web', '052.txt', '长沙市人民政府', 'city', 'the report calls itself 本市'],
  // compiled by the 办公厅, contact its 信息办公室: the province's report
  ['web', '051.txt', '山西省人民政府', 'province', 'a contact office speaks for its government'],
  ['web2', '050.txt', '西宁市城中区人民政府', 'county', 'a compiling office speaks for its government'],
  // but a title that names the office is the office's report
  ['web2', '018.txt', '彰武县人民政府办公室', 'county_department', 'a title naming the office'],
  // short forms completed from the region and expanded
  ['web', '071.txt', '宝鸡市渭滨区统计局', 'county_department', '区统计局 with 渭滨 in the text and the host'],
  ['web2', '054.txt', '天镇县信访局', 'county_department', '信访局 on the county’s host'],
  ['web', '044.txt', '天津市发展和改革委员会', 'province_department', '发展改革委 expanded'],
  ['web', '014.txt', '西藏自治区人民政府国有资产监督管理委员会', 'province_department', '政府国资委 expanded'],
  ['web2', '011.txt', '新疆维吾尔自治区民族事务委员会(宗教事务局)', 'province_department', '自治区民委 on a mirror, the region from the path xjmzw'],
  ['web2', '056.txt', '新疆维吾尔自治区生态环境厅', 'province_department', '自治区… on xinjiang.gov.cn'],
  // a department's own office writes for the department
  ['web', '049.txt', '重庆市卫生健康委员会', 'province_department', '委员会办公室 → 委员会'],
  // named once deep in a text that says 我局
  ['web', '063.txt', '甘南藏族自治州自然资源局', 'city_department', '甘南州自然资源局 printed once'],
  // traditional mirror with pronunciation glosses (鎮(zhèn))
  ['web2', '009.txt', '柞水县凤凰镇人民政府', 'township', 'a traditional mirror with glosses'],
  // 我镇 and no name: the level still known
  ['web2', '045.txt', null, 'township', 'the report calls itself 我镇'],
  // 我局 on js.changchun.gov.cn: a city bureau
  ['web2', '012.txt', null, 'city_department', 'a bureau on its city’s host'],
  // zones: a listed 管理区; a bureau of a zone's committee
  ['web2', '029.txt', '潜江市熊口管理区', 'other', 'a listed unit that is no town'],
  ['web2', '015.txt', '武汉市东湖生态旅游风景区管理委员会市场监督管理局', 'county_department', 'a bureau of a zone committee'],
  // a ministry's agency
  ['web', '040.txt', '水利部太湖流域管理局', 'central_department', 'completed with its ministry'],
];

for (const [set, file, body, level, why] of cases) {
  test(`${set} ${file}: ${why}`, () => {
    const doc = parsed(set, file);
    assert.equal(doc.level, level, doc.bodyEvidence.join('; '));
    if (body) assert.ok(same(doc.body, body) || same(doc.organization, body), `${doc.organization} / ${doc.body}; ${doc.bodyEvidence.join('; ')}`);
    assert.ok(doc.bodyEvidence.length > 0 || doc.level === null);
  });
}
