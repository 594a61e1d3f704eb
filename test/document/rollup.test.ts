import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REGION_ROLLUP_FIELDS, ROLLUP_FIELD, type RollupSource, rollupFieldsOf, sumsFromDistribution } from '../../lib/document/rollup';
import { CHANNELS, OUTCOME_KEYS, REVIEW_KEYS } from '../../lib/report/schema';
import { aggregate } from '../../lib/stats/aggregate';

/**
 * The rollup trick (lib/document/rollup.ts) on documents with known figures: encode each report's
 * figures as facet values, count them the way Meilisearch's facet distribution does (documents per
 * value), read the counts back, and compare with sums computed directly.
 */

function doc(
  options: Partial<Omit<RollupSource, 'proactive'>> & {
    apps?: number | null;
    proactive?: number | null;
    outcomes?: Partial<Record<(typeof OUTCOME_KEYS)[number], number>>;
  },
): RollupSource {
  const { apps, proactive, outcomes, ...over } = options;
  return {
    year: 2023,
    level: 'township',
    publishedAt: null,
    province: '山东省',
    city: '威海市',
    county: '环翠区',
    township: '张村镇',
    proactive: { total: proactive === undefined ? 0 : proactive, approximateTotal: null, byChannel: {}, source: 'table' },
    applications: {
      newReceived: apps === undefined ? 0 : apps,
      newReceivedSource: 'table',
      carriedOver: null,
      processed: null,
      carriedForward: null,
      outcomes: { granted: null, partiallyGranted: null, refused: null, unableToProvide: null, notProcessed: null, otherProcessed: null, ...outcomes },
    },
    review: { reconsiderations: null, reconsiderationsCorrected: null, lawsuits: null, lawsuitsCorrected: null },
    ...over,
  } as RollupSource;
}

/** What Meilisearch answers for a multi-valued facet: how many documents hold each value. */
function facetCounts(docs: readonly RollupSource[], field: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of docs) {
    const values = new Set((rollupFieldsOf(d) as Record<string, string[]>)[field]);
    for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  }
  return counts;
}

test('sums of stated figures come back exactly, nulls counted apart from zeros', () => {
  const docs = [
    doc({ apps: 13, proactive: 1000 }),
    doc({ apps: 0, proactive: 7 }),
    doc({ apps: null, proactive: null }),
    doc({ apps: 2 ** 31 + 5, proactive: 1 }),
    doc({ year: 2022, apps: 3, proactive: 4 }),
  ];
  const sums = sumsFromDistribution(facetCounts(docs, ROLLUP_FIELD));
  assert.deepEqual(sums.get('2023')?.get('an'), { sum: 13 + 0 + 2 ** 31 + 5, reports: 3 });
  assert.deepEqual(sums.get('2023')?.get('pt'), { sum: 1008, reports: 3 });
  assert.deepEqual(sums.get('2022')?.get('an'), { sum: 3, reports: 1 });
  // A figure nobody states is absent, not zero.
  assert.equal(sums.get('2023')?.get('r.lawsuits'), undefined);
});

test('a report of unknown year adds to its regions, not to any year', () => {
  const docs = [doc({ year: null, apps: 9 }), doc({ apps: 1 })];
  const years = sumsFromDistribution(facetCounts(docs, ROLLUP_FIELD));
  assert.deepEqual([...years.keys()], ['2023']);
  const townships = sumsFromDistribution(facetCounts(docs, REGION_ROLLUP_FIELDS.township));
  assert.deepEqual(townships.get('张村镇')?.get('an'), { sum: 10, reports: 2 });
});

test('late and dated follow the deadline rules of 条例 第四十九条', () => {
  const docs = [
    doc({ level: 'township', publishedAt: '2024-03-31' }), // on time (government: 31 March)
    doc({ level: 'county_department', publishedAt: '2024-02-15' }), // late (department: 31 January)
    doc({ level: 'county', publishedAt: null }), // no date
    doc({ level: 'other', publishedAt: '2024-01-01' }), // rule unclear
  ];
  const y = sumsFromDistribution(facetCounts(docs, ROLLUP_FIELD)).get('2023');
  assert.equal(y?.get('dated')?.reports, 2);
  assert.equal(y?.get('late')?.reports, 1);
});

test('random collections: every figure of every year and region equals the direct sum', () => {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const maybe = (n: number) => (rand(5) === 0 ? null : rand(n));
  const counties = ['环翠区', '文登区', '荣成市'];
  const docs: RollupSource[] = [];
  for (let i = 0; i < 600; i++) {
    const d = doc({ year: 2018 + rand(7), county: counties[rand(3)], township: null, apps: maybe(3000), proactive: maybe(200_000) });
    d.proactive.byChannel = Object.fromEntries(CHANNELS.filter(() => rand(3) === 0).map((c) => [c, rand(5000)]));
    for (const k of OUTCOME_KEYS) d.applications.outcomes[k] = maybe(50);
    for (const k of REVIEW_KEYS) d.review[k] = maybe(20);
    docs.push(d);
  }
  const result = aggregate({
    query: '',
    regionFields: ['county'],
    all: {
      totalHits: docs.length,
      facetDistribution: {
        year: facetCountsPlain(docs, (d) => d.year),
        county: facetCountsPlain(docs, (d) => d.county),
        [ROLLUP_FIELD]: facetCounts(docs, ROLLUP_FIELD),
        [REGION_ROLLUP_FIELDS.county]: facetCounts(docs, REGION_ROLLUP_FIELDS.county),
      },
    },
    failed: { totalHits: 0, facetDistribution: {} },
    maxValuesPerFacet: 50_000,
  });
  const direct = (pick: (d: RollupSource) => number | null | undefined, keep: (d: RollupSource) => boolean) => {
    const stated = docs
      .filter(keep)
      .map(pick)
      .filter((v): v is number => v !== null && v !== undefined);
    return { sum: stated.reduce((a, b) => a + b, 0), reports: stated.length };
  };
  assert.equal(result.years.length, 7);
  for (const y of result.years) {
    const inYear = (d: RollupSource) => d.year === y.year;
    assert.equal(y.reports, docs.filter(inYear).length);
    assert.deepEqual(
      y.applications.newReceived,
      direct((d) => d.applications.newReceived, inYear),
      `an ${y.year}`,
    );
    assert.deepEqual(
      y.proactive.total,
      direct((d) => d.proactive.total, inYear),
      `pt ${y.year}`,
    );
    for (const c of CHANNELS)
      assert.deepEqual(
        y.proactive.byChannel[c],
        direct((d) => d.proactive.byChannel[c], inYear),
        `${c} ${y.year}`,
      );
    for (const k of OUTCOME_KEYS)
      assert.deepEqual(
        y.applications.outcomes[k],
        direct((d) => d.applications.outcomes[k], inYear),
        `${k} ${y.year}`,
      );
    for (const k of REVIEW_KEYS)
      assert.deepEqual(
        y.review[k],
        direct((d) => d.review[k], inYear),
        `${k} ${y.year}`,
      );
  }
  assert.equal(result.regions?.field, 'county');
  assert.equal(result.regions?.rows.length, 3);
  for (const row of result.regions!.rows) {
    const inCounty = (d: RollupSource) => d.county === row.name;
    assert.equal(row.reports, docs.filter(inCounty).length);
    assert.deepEqual(
      row.applicationsNew,
      direct((d) => d.applications.newReceived, inCounty),
    );
    assert.deepEqual(
      row.proactiveTotal,
      direct((d) => d.proactive.total, inCounty),
    );
  }
});

test('a facet distribution as full as the limit is refused, never summed', () => {
  const distribution = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`2023|an|${i}`, 1]));
  assert.throws(
    () =>
      aggregate({
        query: '',
        regionFields: [],
        all: { totalHits: 1, facetDistribution: { year: { 2023: 1 }, [ROLLUP_FIELD]: distribution } },
        failed: {},
        maxValuesPerFacet: 10,
      }),
    /maxValuesPerFacet/,
  );
});

function facetCountsPlain(docs: readonly RollupSource[], pick: (d: RollupSource) => string | number | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of docs) {
    const v = pick(d);
    if (v !== null) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  }
  return counts;
}
