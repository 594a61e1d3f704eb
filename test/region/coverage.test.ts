/**
 * Whole-list checks: every county, and a sample of townships, resolve from a plain organization
 * line; a township named alone plus its area code never resolves to a wrong place (only, when
 * the name repeats inside the area, to a common ancestor).
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areaCodeTable } from '../../lib/region/clues.ts';
import { childrenOf, divisionByCode, resolveRegion } from '../../lib/region/index.ts';

type D = { code: string; name: string; level: string };
const all: D[] = [];
const walk = (c: string | null) => {
  for (const x of childrenOf(c)) {
    all.push(x);
    walk(x.code);
  }
};
walk(null);
const counties = all.filter((d) => d.level === 'county');
const towns = all.filter((d) => d.level === 'township');
const parent = (code: string) => divisionByCode(divisionByCode(code)!.parentCode!)!;

test('every county resolves from "<county>人民政府" with its parent in the text', () => {
  const bad: string[] = [];
  for (const a of counties) {
    const r = resolveRegion({ organization: `${a.name}人民政府`, text: `${parent(a.code).name}${a.name}` });
    if (r.regionCode !== a.code || r.orgPlaceLevel !== 'county') bad.push(`${a.code}${a.name} → ${r.regionCode}`);
  }
  assert.deepEqual(bad, []);
  assert.ok(counties.length > 2900);
});

test('townships resolve from "<county><township>人民政府" (1 in 5)', () => {
  const bad: string[] = [];
  let n = 0;
  let exact = 0;
  for (let i = 0; i < towns.length; i += 5) {
    const t = towns[i];
    if (t.name === '街道') continue; // two townships literally named 街道: deliberately unmatched
    const p = parent(t.code);
    const name = t.name.replace(/（[^）]*）/g, ''); // （白城市生态新区）官银号街道 is printed 官银号街道
    const r = resolveRegion({ organization: `${p.name}${name}人民政府`, text: '' });
    n++;
    // a few county names repeat inside one province (市中区 in 内江 and 乐山, both with a 白马镇): then the common part
    // (and institutions printed without their bracket, 天津经济技术开发区（其他片区）: the county)
    if (r.regionCode === t.code) exact++;
    else if (!(r.regionCode === null || t.code.startsWith(r.regionCode))) bad.push(`${t.code}${p.name}${t.name} → ${r.regionCode}`);
  }
  assert.deepEqual(bad, []);
  assert.ok(n > 8000);
  assert.ok(exact / n > 0.99, `${exact}/${n}`);
});

test('a township named alone + its area code: never a wrong place', () => {
  const codeOf = new Map<string, string>();
  for (const [ac, units] of areaCodeTable()) for (const u of units) if (!codeOf.has(u.code)) codeOf.set(u.code, ac);
  let exact = 0;
  let n = 0;
  const wrong: string[] = [];
  for (let i = 0; i < towns.length; i += 17) {
    const t = towns[i];
    if (t.name === '街道') continue;
    let ac: string | undefined;
    for (let c: string | null = t.code; c && !ac; c = divisionByCode(c)?.parentCode ?? null) ac = codeOf.get(c);
    if (!ac) continue;
    n++;
    const r = resolveRegion({ organization: `${t.name}人民政府`, text: `联系电话：${ac}-7654321` });
    if (r.regionCode === t.code) exact++;
    else if (r.regionCode && !t.code.startsWith(r.regionCode)) wrong.push(`${t.code}${t.name} ${ac} → ${r.regionCode}`);
  }
  console.log(`[region] township name + area code: ${exact}/${n} exact, the rest a correct ancestor`);
  assert.deepEqual(wrong, []);
  assert.ok(exact / n > 0.85);
});
