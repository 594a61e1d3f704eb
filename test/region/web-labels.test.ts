/**
 * Evaluation on 80 labelled real web excerpts (test/fixtures/corpus/web): organization and title
 * from the label, text from the file; no special cases. Prints the figures and every miss.
 *
 * Reading the misses (as of writing):
 * - 002 (屯昌县 bureau), 007 (钦州市 bureau), 028 (岳阳 南湖 body): the organization is null and
 *   the excerpt never names the place; the labels were filled in from the page URL
 *   (tunchang.hainan.gov.cn, qinzhou.gov.cn, yynanhu.yueyang.gov.cn). Not label errors: the
 *   text lacks the clue. With the URL passed as `url`, all three resolve (second figure below).
 * - 067 is labelled with the name of the day, 永定县 (永定区 since 2014): counted as a hit
 *   through formerName.
 * - 060 大营镇 is labelled 贵州省 only; the list has one 大营镇 in 贵州 (安顺市紫云县) while the
 *   page is on gzzy.gov.cn (遵义): the town may have been renamed or merged. Only the province is
 *   compared, so this is not counted, but our township there is doubtful.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveRegion } from '../../lib/region/index.ts';
import { webLabels } from './helpers.ts';

const TEXT_LACKS_CLUE: Record<string, string> = {
  '002.txt': 'no organization; the excerpt says only 县政府 (label county from the URL tunchang.hainan.gov.cn)',
  '007.txt': 'no organization; only 广西壮族自治区 in the excerpt (label city from the URL qinzhou.gov.cn)',
  '028.txt': 'no organization; no place in the excerpt (label from the URL yynanhu.yueyang.gov.cn)',
};

interface Tally {
  province: [number, number];
  city: [number, number];
  county: [number, number];
  misses: string[];
}

function evaluate(withUrl: boolean, textOnly = false): Tally {
  const t: Tally = { province: [0, 0], city: [0, 0], county: [0, 0], misses: [] };
  for (const l of webLabels()) {
    const r = textOnly
      ? resolveRegion({ text: l.text })
      : resolveRegion({ organization: l.organization, title: l.title, text: l.text, url: withUrl ? l.url : undefined });
    const pOk = r.province === l.province;
    t.province[1]++;
    if (pOk) t.province[0]++;
    let cOk = true;
    if (l.city) {
      t.city[1]++;
      cOk = r.city === l.city;
      if (cOk) t.city[0]++;
    }
    let aOk = true;
    if (l.county) {
      t.county[1]++;
      // a label may use the name of the day (永定县): accept the printed former name
      aOk = r.county === l.county || r.formerName === l.county;
      if (aOk) t.county[0]++;
    }
    if (!pOk || !cOk || !aOk) {
      const note = TEXT_LACKS_CLUE[l.file] ? `  [${TEXT_LACKS_CLUE[l.file]}]` : '';
      t.misses.push(
        `${l.file} org=${l.organization ?? '∅'} label=${l.province}/${l.city ?? '–'}/${l.county ?? '–'} got=${r.province}/${r.city ?? '–'}/${r.county ?? '–'}/${r.township ?? '–'} conf=${r.confidence} | ${r.evidence.join('; ')}${note}`,
      );
    }
  }
  return t;
}

const pct = ([ok, n]: [number, number]) => `${ok}/${n} = ${((100 * ok) / n).toFixed(1)}%`;

test('web labels: accuracy floors (organization + title + text)', () => {
  const t = evaluate(false);
  console.log(`\n[region] web labels, text only: province ${pct(t.province)}, city ${pct(t.city)}, county ${pct(t.county)}`);
  for (const m of t.misses) console.log(`[region]   miss ${m}`);
  assert.ok(t.province[0] / t.province[1] >= 0.9, `province ${pct(t.province)}`);
  assert.ok(t.city[0] / t.city[1] >= 0.85, `city ${pct(t.city)}`);
  assert.ok(t.county[0] / t.county[1] >= 0.9, `county ${pct(t.county)}`);
});

test('web labels: with the page URL as an extra clue', () => {
  const t = evaluate(true);
  console.log(`\n[region] web labels, with url: province ${pct(t.province)}, city ${pct(t.city)}, county ${pct(t.county)}`);
  for (const m of t.misses) console.log(`[region]   miss ${m}`);
  assert.ok(t.province[0] / t.province[1] >= 0.95, `province ${pct(t.province)}`);
  assert.ok(t.county[0] / t.county[1] >= 0.95, `county ${pct(t.county)}`);
});

test('web labels: from the text alone (no organization, no title)', () => {
  const t = evaluate(false, true);
  console.log(`\n[region] web labels, text alone: province ${pct(t.province)}, city ${pct(t.city)}, county ${pct(t.county)}`);
  for (const m of t.misses) console.log(`[region]   miss ${m}`);
  // central ministries print a Beijing address: without their name they read as 北京市
  assert.ok(t.province[0] / t.province[1] >= 0.85, `province ${pct(t.province)}`);
  assert.ok(t.county[0] / t.county[1] >= 0.8, `county ${pct(t.county)}`);
});

test('web labels: central bodies get no region; municipalities no city', () => {
  for (const l of webLabels()) {
    const r = resolveRegion({ organization: l.organization, title: l.title, text: l.text });
    if (l.level === 'central_department') assert.equal(r.province, null, `${l.file} ${r.evidence.join('; ')}`);
    if (['北京市', '天津市', '上海市', '重庆市'].includes(l.province ?? '')) assert.equal(r.city, null, l.file);
  }
});
