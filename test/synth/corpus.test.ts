import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicationRuleFailures, generateCorpus, reviewRuleFailures, type SynthReport, TABLE_SHAPES } from '../support/synth/index';
import { loadProvinces } from '../support/synth/regions';

const squash = (s: string) => s.replace(/\s+/g, '');
const corpus = (count: number, seed: string | number = 'test') => [...generateCorpus({ seed, count })];

// One corpus shared by the tests that look at its make-up.
const big = corpus(600);

test('the same seed gives the same corpus; a longer corpus starts with the shorter one', () => {
  const a = corpus(40, 42);
  const b = corpus(40, 42);
  assert.deepEqual(
    a.map((r) => [r.text, r.manifest]),
    b.map((r) => [r.text, r.manifest]),
  );
  const longer = corpus(70, 42);
  assert.deepEqual(
    longer.slice(0, 40).map((r) => r.text),
    a.map((r) => r.text),
  );
  const other = corpus(40, 43);
  assert.notDeepEqual(
    other.map((r) => r.text),
    a.map((r) => r.text),
  );
});

test('consistent reports satisfy rules 1–4; an injected break fails exactly its own rule', () => {
  let consistent = 0;
  const injected = new Set<number>();
  for (const r of big) {
    const { applications, review } = r.figures;
    if (!applications || !review) continue;
    const f = applicationRuleFailures(applications);
    const failed = new Set<number>();
    if (f.rule1.length) failed.add(1);
    if (f.rule2.length) failed.add(2);
    if (f.rule3.length) failed.add(3);
    if (reviewRuleFailures(review).length) failed.add(4);
    const rule = r.manifest.inconsistency?.rule;
    if (rule === undefined || rule === 6) {
      assert.deepEqual([...failed], [], `${r.manifest.file} should be consistent`);
      consistent++;
    } else {
      assert.deepEqual([...failed], [rule], `${r.manifest.file} should break rule ${rule} only`);
      injected.add(rule);
    }
  }
  assert.ok(consistent > 200, `only ${consistent} consistent reports with tables`);
  assert.deepEqual([...injected].sort(), [1, 2, 3, 4], 'every table rule is broken somewhere');
});

test('about a fifth of the reports with tables are inconsistent, and some contradict their prose', () => {
  const withTables = big.filter((r) => r.figures.applications);
  const broken = withTables.filter((r) => r.manifest.inconsistency && r.manifest.inconsistency.rule !== 6).length;
  const share = broken / withTables.length;
  assert.ok(share > 0.12 && share < 0.28, `inconsistent share ${share.toFixed(2)}`);
  const contradictions = big.filter((r) => r.manifest.inconsistency?.rule === 6);
  assert.ok(contradictions.length >= 10, `${contradictions.length} prose contradictions`);
  for (const r of contradictions) {
    assert.notEqual(r.manifest.proseNewReceived, r.manifest.newReceived);
    assert.ok(
      r.text.includes(`收到政府信息公开申请${r.manifest.proseNewReceived}件`) ||
        (r.manifest.proseNewReceived === 0 && r.text.includes('未收到政府信息公开申请')),
      r.manifest.file,
    );
  }
});

test("上年结转 continues last year's 结转下年度 unless the manifest says it was broken", () => {
  const byFile = new Map(big.map((r) => [r.manifest.file, r.manifest]));
  let kept = 0;
  let broken = 0;
  for (const { manifest } of big) {
    if (!manifest.continuity) continue;
    const previous = byFile.get(manifest.continuity.previousFile)!;
    assert.equal(previous.body, manifest.body);
    assert.equal(previous.year, manifest.year - 1);
    if (manifest.continuity.carriedOver === 'kept') {
      assert.equal(manifest.carriedOver, previous.carriedForward, manifest.file);
      kept++;
    } else {
      assert.notEqual(manifest.carriedOver, previous.carriedForward, manifest.file);
      broken++;
    }
  }
  assert.ok(kept > 50 && broken > 0, `kept ${kept}, broken ${broken}`);
});

test("现行有效件数 continues last year's unless the manifest says it was broken", () => {
  const byFile = new Map(big.map((r) => [r.manifest.file, r.manifest]));
  const seen = { kept: 0, broken: 0 };
  for (const { manifest } of big) {
    const state = manifest.continuity?.activeDocuments;
    if (!state) continue;
    const [issued, repealed, active] = manifest.normativeDocuments!;
    const previousActive = byFile.get(manifest.continuity!.previousFile)!.normativeDocuments![2];
    if (state === 'kept') assert.equal(active, previousActive + issued - repealed, manifest.file);
    else assert.notEqual(active, previousActive + issued - repealed, manifest.file);
    seen[state]++;
  }
  assert.ok(seen.kept > 30 && seen.broken > 0, JSON.stringify(seen));
});

test('every province, all levels, all three templates and every table shape appear', () => {
  const provinces = new Set(big.map((r) => r.manifest.province));
  for (const p of loadProvinces()) assert.ok(provinces.has(p.name), `${p.name} missing`);
  const levels = new Set(big.map((r) => r.manifest.level));
  for (const level of ['township', 'county', 'county_department', 'city', 'city_department', 'province', 'province_department', 'other']) {
    assert.ok(levels.has(level as never), `level ${level} missing`);
  }
  assert.deepEqual(new Set(big.map((r) => r.manifest.template)), new Set(['2021', '2019', 'pre2019']));
  assert.deepEqual(new Set(big.map((r) => r.manifest.shape)), new Set(TABLE_SHAPES));
  const zeros = new Set(big.map((r) => r.manifest.zero));
  for (const z of ['0', '/', '—', '']) assert.ok(zeros.has(z), `zero printed as "${z}" missing`);
  assert.ok(
    big.some((r) => r.manifest.applicantColumns === 8),
    'a table with a 法人小计 column',
  );
  assert.ok(
    big.some((r) => r.manifest.encoding === 'gbk'),
    'a GBK file',
  );
});

test('places are real divisions; municipalities have no city level', () => {
  const provinces = new Map(loadProvinces().map((p) => [p.name, p]));
  for (const { manifest: m } of big) {
    const p = provinces.get(m.province)!;
    if (p.municipality) assert.equal(m.city, null, m.file);
    if (m.city)
      assert.ok(
        p.cities.some((c) => c.name === m.city),
        `${m.city} in ${m.province}`,
      );
    if (m.county)
      assert.ok(
        [...p.counties, ...p.zones].some((c) => c.name === m.county),
        `${m.county} in ${m.province}`,
      );
    if (m.level === 'township') {
      assert.ok(m.township && p.townships.some((t) => t.name === m.township && (t.county?.name ?? null) === m.county), `${m.township} (${m.file})`);
      assert.ok(m.organization.includes(m.township!), m.organization);
    }
    if (m.level === 'county') assert.match(m.organization, /人民政府$/);
  }
});

function assertReportText(r: SynthReport) {
  const { manifest: m, text } = r;
  const lines = text.split('\n');
  assert.equal(lines[0], `${m.organization}${m.year}年政府信息公开工作年度报告`);
  assert.match(text, /邮编：\d{6}|邮政编码：\d{6}/);
  assert.match(text, /电话：0\d{2,3}-\d{7,8}/);
  const [y, mo, d] = m.publishedAt.split('-').map(Number);
  assert.ok(text.includes(`${y}年${mo}月${d}日`) || /[〇一二三四五六七八九]{4}年/.test(text), `date ${m.publishedAt}`);
  assert.ok(lines.includes(m.organization), 'signature line');
  const flat = squash(text);
  if (m.template !== 'pre2019') {
    for (const title of [
      '总体情况',
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
      '存在的主要问题及改进情况',
      '其他需要报告的事项',
    ]) {
      assert.ok(text.includes(title), `${m.file}: ${title}`);
    }
    if (m.shape === 'images') {
      assert.ok(text.includes('[image: 表格]'));
      assert.ok(!flat.includes('本年新收政府信息公开申请数量'));
    } else {
      for (const label of [
        '一、本年新收政府信息公开申请数量',
        '二、上年结转政府信息公开申请数量',
        '（七）总计',
        '四、结转下年度继续办理',
        '结果维持',
        '复议后起诉',
        '第二十条第（一）项',
      ]) {
        assert.ok(flat.includes(squash(label)), `${m.file} (${m.shape}): ${label}`);
      }
      assert.ok(flat.includes(m.template === '2021' ? '本年制发件数' : '本年新制作数量'), m.file);
    }
  } else if (r.figures.statisticsTable && m.shape !== 'images') {
    assert.ok(flat.includes('统计指标') && flat.includes('收到申请数'), m.file);
  }
}

test('reports have the title, contact, outline, tables and closing date', () => {
  for (const r of big.slice(0, 300)) assertReportText(r);
});

test('table shapes look the way they do in the wild', () => {
  const byShape = (shape: string) => big.filter((r) => r.manifest.shape === shape && r.manifest.template !== 'pre2019');
  const pdf = byShape('pdf');
  assert.ok(
    pdf.some((r) => r.text.includes('三、\n本\n年\n度\n办\n理\n结\n果')),
    'vertical label',
  );
  assert.ok(
    pdf.some((r) => /\n- \d+ -\n/.test(r.text)),
    'page number inside a table',
  );
  assert.ok(byShape('markdown').every((r) => r.text.includes('| 一、本年新收政府信息公开申请数量 |')));
  assert.ok(byShape('tabs').every((r) => /\n一、本年新收政府信息公开申请数量\t/.test(r.text)));
  assert.ok(byShape('cells').every((r) => r.text.includes('\n\t一、本年新收政府信息公开申请数量\n\t')));
});

test('proactive totals are stated in prose, sometimes only per channel', () => {
  const stated = big.filter((r) => r.manifest.template !== 'pre2019' && r.manifest.proactiveTotal !== null);
  const channelsOnly = big.filter((r) => r.manifest.template !== 'pre2019' && r.manifest.proactiveTotal === null);
  assert.ok(stated.length > 100 && channelsOnly.length > 10);
  for (const r of stated) assert.ok(r.text.includes(`主动公开政府信息${r.manifest.proactiveTotal}条`), r.manifest.file);
  for (const r of channelsOnly) assert.ok(r.text.includes(`公开${r.manifest.proactiveChannels.website}条`), r.manifest.file);
});
