import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveRegion } from '../../lib/region/index.ts';
import { SEEDS, seedText } from './helpers.ts';

for (const seed of SEEDS) {
  test(`seed ${seed.file}: ${seed.organization} → ${seed.expect.join('/')}`, () => {
    const r = resolveRegion({ organization: seed.organization, text: seedText(seed.file) });
    assert.deepEqual([r.province, r.city, r.county, r.township], seed.expect, r.evidence.join('; '));
    assert.equal(r.orgPlaceLevel, 'township');
    assert.equal(r.regionCode?.length, 9);
    assert.equal(r.formerName, null);
    assert.ok(r.confidence >= 0.7, `confidence ${r.confidence}`);
    assert.ok(r.evidence.length > 0);
  });
}

test('seed 000: the evidence names the clues (area code, postcode, domain)', () => {
  const r = resolveRegion({ organization: SEEDS[0].organization, text: seedText(SEEDS[0].file) });
  assert.equal(r.regionCode, '371003102');
  const ev = r.evidence.join('\n');
  assert.match(ev, /area code 0631 → 威海市/);
  assert.match(ev, /postcode 264400 → 山东省/);
  assert.match(ev, /domain wendeng → 文登区/);
});

test('seed 003: 张村镇 alone is ambiguous; the text (威海市环翠区张村镇) decides', () => {
  const r = resolveRegion({ organization: '张村镇', text: seedText(SEEDS[3].file) });
  assert.equal(r.regionCode, '371002100');
  assert.ok(r.evidence.some((e) => /5 divisions named 张村镇/.test(e)));
});

test('seeds resolve from the text alone where the text names the body', () => {
  // 000 names 威海市文登区张家产镇人民政府 in its first line; 004 signs 青州市何官镇人民政府
  for (const i of [0, 1, 2, 4]) {
    const r = resolveRegion({ text: seedText(SEEDS[i].file) });
    assert.equal(r.province, SEEDS[i].expect[0], `${SEEDS[i].file}: ${r.evidence.join('; ')}`);
    assert.equal(r.county, SEEDS[i].expect[2], `${SEEDS[i].file}: ${r.evidence.join('; ')}`);
  }
});
