import type { Settings } from 'meilisearch';
import { DETAIL_FIELDS, HIDDEN_FIELDS, indexedReportSchema } from './indexed-report';
import { ALL_ROLLUP_FIELDS } from './rollup';

/**
 * The index settings, in code: the indexer applies them to every index it builds, so a fresh
 * Meilisearch and a reindexed one answer the same way.
 */

/** Fields a search, a filter or a facet count may name. The UI builds filters only from these. */
const FILTERABLE_ATTRIBUTES = [
  'id',
  'bodyKey',
  'province',
  'city',
  'county',
  'township',
  'regionCode',
  'year',
  'level',
  'template',
  'organization',
  'hasFailedChecks',
  'hasApplications',
  'partial',
  'changedAfterPublication',
  // Ranges on the key figures ("more than 100 applications").
  'applicationsNew',
  'proactiveTotal',
] as const;

/** The list's sorts and the results table's (lib/search/table.ts): `sortKeys.*` leave unknown figures last. */
const SORTABLE_ATTRIBUTES = [
  'year',
  'publishedAt',
  'failedChecksTotal',
  'sortKeys.region',
  'sortKeys.proactive',
  'sortKeys.applications',
  'sortKeys.granted',
  'sortKeys.refused',
  'sortKeys.reconsiderations',
  'sortKeys.lawsuits',
  'sortKeys.corrected',
  // The index generation (lib/opendata/generation.ts): the newest indexedAt, found by one sorted search.
  'indexedAt',
] as const;

/**
 * Every stored field but the search copies and rollups: the report page reads documents through
 * the search-only key. The nested parts are in `detail` (document.ts says why).
 */
export const DISPLAYED_ATTRIBUTES = [
  ...Object.keys(indexedReportSchema.shape).filter((key) => !HIDDEN_FIELDS.includes(key) && !(DETAIL_FIELDS as readonly string[]).includes(key)),
  'detail',
];

/**
 * The most distinct values one facet count returns. The rollup fields (lib/document/rollup.ts) need
 * all of theirs (years × figures × bits, or regions × figures × bits); lib/stats refuses to answer
 * when a distribution comes back this full, rather than sum a truncated one.
 */
export const MAX_VALUES_PER_FACET = 50_000;

export const INDEX_SETTINGS = {
  // Only the one-character-a-word copies are searched (lib/search/recall.ts): a query term matches
  // where its characters stand together, whatever jieba would have made of the words.
  // Ranked: a hit in the title or the body's name beats a hit in the place names, which beats the text.
  // `sections` are slices of `text`, so indexing them too would double the work for no new words.
  searchableAttributes: ['search.title', 'search.organization', 'search.places', 'search.text'],
  filterableAttributes: [
    ...FILTERABLE_ATTRIBUTES,
    // Counted only: no filter on them, no facet search, so the engine builds the least for them.
    { attributePatterns: [...ALL_ROLLUP_FIELDS], features: { facetSearch: false, filter: { equality: true, comparison: false } } },
  ],
  sortableAttributes: [...SORTABLE_ATTRIBUTES],
  displayedAttributes: DISPLAYED_ATTRIBUTES,
  // A chosen sort orders all results (by default Meilisearch sorts only within equally relevant ones).
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  // Typos mean nothing for one-character words, and a figure or phone number must match exactly.
  typoTolerance: { enabled: false },
  faceting: {
    // China has ~41,000 townships; a province may have 2,000+ (the search page shows the top ones).
    maxValuesPerFacet: MAX_VALUES_PER_FACET,
    sortFacetValuesBy: { '*': 'count' },
  },
  // Exact totals (the default stops at 1,000): the page counts, and the report counts of /stats.
  // The cap is also the deepest hit a page may reach, which MAX_PAGE × size keeps far lower; above
  // 100,000 reports a cap of 100,000 made /stats say "100,000" (measured: no cost at 10 million).
  pagination: { maxTotalHits: 10_000_000 },
  // Short Han strings are otherwise sometimes taken for Japanese.
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
} satisfies Settings;

/** The primary key of every report index. */
export const PRIMARY_KEY = 'id';
