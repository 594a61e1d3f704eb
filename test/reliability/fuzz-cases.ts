/**
 * Generated query strings for the search endpoints and the search page: hostile values (quotes,
 * filter operators, brackets, huge and control characters, invalid percent escapes) in known and
 * unknown parameters, repeated parameters, page and size extremes. Deterministic (seeded), so a
 * failure names a case that reproduces. Raw strings, not URLSearchParams: invalid escapes and
 * unusual separators must reach the server as they are.
 */

export const HOSTILE_VALUES: readonly string[] = [
  '"',
  "'",
  '\\',
  '\\"',
  '"" OR 1 = 1',
  'x" OR province = "y',
  '北京市" OR year > 0 OR "',
  'province = "北京市"',
  'NOT year EXISTS',
  'year >= 2000 AND year <= 2100',
  '_geoRadius(0, 0, 1)',
  '[',
  ']',
  '[]',
  '["a","b"]',
  '(',
  ')',
  '{}',
  '{"$ne":1}',
  '*',
  '%',
  '%%',
  '%FF',
  '%C3%28',
  '%E4%B8',
  '%ED%A0%80',
  '%00',
  '%0A%0D',
  '%1B[31m',
  '%EF%BB%BF',
  '%E2%80%AE',
  '\u0000',
  '\u202e逆序',
  '😀',
  '𠀀',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</script>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a deliberate hostile input (template-injection probe), meant as the literal text ${7*7}
  '${7*7}',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e3',
  '1.5',
  ' 2 ',
  '0x10',
  '99999999999999999999',
  '2020',
  '1999',
  '2101',
  '２０２０',
  'true',
  'false',
  '1',
  'county,city',
  'county,,city',
  ',',
  '2021,2015',
  'year-desc',
  'relevance,year-desc',
  'title:asc',
  'year:desc',
  '江苏省',
  '上海市',
  '淮安市',
  '洪泽区',
  'A'.repeat(200),
  'A'.repeat(201),
  '政'.repeat(5000),
  'x'.repeat(70_000),
];

const KNOWN_KEYS: readonly string[] = [
  'q',
  'province',
  'city',
  'county',
  'township',
  'level',
  'template',
  'year',
  'yearFrom',
  'yearTo',
  'failed',
  'applications',
  'changed',
  'map',
  'sort',
  'page',
  'size',
];
const ODD_KEYS: readonly string[] = [
  'filter',
  'facets',
  'attributesToRetrieve',
  'limit',
  'offset',
  'hitsPerPage',
  'q[]',
  'q[0]',
  'page[]',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'Q',
  'PAGE',
  ' q',
  'q ',
  '',
  '%71',
  'q%00',
  '年份',
  'province%5B%5D',
  'x'.repeat(300),
];

/** Percent-encodes a value unless it is meant to carry its own (possibly invalid) escapes. */
function encodeValue(value: string): string {
  return /%[0-9A-Fa-f]{0,2}/.test(value) && /^[\x20-\x7e]*$/.test(value)
    ? value.replace(/ /g, '+').replace(/&/g, '%26').replace(/#/g, '%23')
    : encodeURIComponent(value);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hand-written cases first (each known parameter with each hostile value), then random mixes. */
export function fuzzQueries(randomCount = 300, seed = 7): string[] {
  const out: string[] = [
    '',
    '?',
    '?&',
    '?&&=&',
    '?=',
    '?q',
    '?q=',
    '?q=&q=',
    '?q=a&q=b',
    '?page=1&page=2',
    '?level=county&level=city',
    '?size=10&size=20',
    '?year=2020&yearFrom=2019',
    '?yearFrom=2022&yearTo=2020',
  ];
  for (const key of KNOWN_KEYS) {
    for (const value of HOSTILE_VALUES) out.push(`?${key}=${encodeValue(value)}`);
  }
  for (const key of ODD_KEYS) out.push(`?${key}=1`, `?q=政府&${key}=${encodeValue('" OR 1=1')}`);
  for (const page of ['0', '1', '2', '499', '500', '501', '9999', '10000', '-0', '+1', '01', '1 ', '１'])
    out.push(`?page=${encodeValue(page)}`, `?q=公开&page=${encodeValue(page)}&size=50`);
  for (const size of ['0', '1', '9', '10', '20', '50', '51', '100', '1000', '-10', '20.0']) out.push(`?size=${encodeValue(size)}`);
  // A query string over 100 KB, and one of a thousand parameters.
  out.push(`?q=${'政'.repeat(40_000)}`);
  out.push(`?${Array.from({ length: 1000 }, (_, i) => `level=county&k${i}=1`).join('&')}`);

  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  for (let n = 0; n < randomCount; n++) {
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) {
      const key = random() < 0.85 ? pick(KNOWN_KEYS) : pick(ODD_KEYS);
      const value = random() < 0.6 ? pick(HOSTILE_VALUES) : pick(['政府', '依申请', '2021', 'county', '2016', 'year-asc', '1', '20', '江苏省']);
      parts.push(`${key}=${encodeValue(value)}`);
    }
    out.push(`?${parts.join(random() < 0.1 ? '&&' : '&')}`);
  }
  return out;
}
