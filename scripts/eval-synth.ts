/**
 * npm run eval:synth -- DIR
 * Measures the parser against a synthetic corpus written by `npm run corpus:synth`: for each field,
 * how many reports agree with the generator's manifest, with the first misses.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { parseReport } from '../lib/report';

const dir = process.argv[2];
const rows = readFileSync(`${dir}/manifest.jsonl`, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const fields = ['organization', 'level', 'province', 'county', 'township', 'year', 'publishedAt', 'template', 'proactiveTotal', 'newReceived'];
const right: Record<string, number> = {};
const miss: Record<string, string[]> = {};
for (const m of rows) {
  const raw = readFileSync(`${dir}/${m.file}`);
  const text = m.encoding === 'gbk' ? iconv.decode(raw, 'gb18030') : raw.toString('utf8');
  const d = parseReport(text, { fileName: m.file, format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64), bytes: raw.length });
  const got: Record<string, unknown> = {
    organization: d.organization,
    level: d.level,
    province: d.province,
    county: d.county,
    township: d.township,
    year: d.year,
    publishedAt: d.publishedAt,
    template: d.template,
    proactiveTotal: d.proactive.total,
    newReceived: d.applications.newReceived,
  };
  for (const f of fields) {
    if (got[f] === m[f]) right[f] = (right[f] ?? 0) + 1;
    else {
      miss[f] ??= [];
      miss[f].push(`${m.file} ${m.shape}/${m.zero} want ${m[f]} got ${got[f]}`);
    }
  }
}
for (const f of fields) console.log(f.padEnd(15), `${right[f] ?? 0}/${rows.length}`, (miss[f] ?? []).slice(0, 3).join(' | '));
