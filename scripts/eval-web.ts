/**
 * npm run eval:web [-- --show-misses]
 * Measures the parser against the hand-labelled web excerpts in test/fixtures/corpus/web: for each
 * field, the share of excerpts where the parser agrees with the label. Prints the misses so they
 * can be read. This is a measure, not a test: labels are best-effort and may contain mistakes.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../lib/report';
import { WEB_DIR } from '../test/support/corpus';

const webDir = WEB_DIR;
const showMisses = process.argv.includes('--show-misses');

interface Label {
  file: string;
  organization: string | null;
  level: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  year: number | null;
  template: string | null;
  proactive_total: number | null;
  applications_new: number | null;
}

const labels: Label[] = readFileSync(path.join(webDir, 'labels.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));

const fields = ['organization', 'level', 'province', 'city', 'county', 'year', 'template', 'proactive_total', 'applications_new'] as const;
const tally = Object.fromEntries(fields.map((f) => [f, { right: 0, total: 0, misses: [] as string[] }]));

for (const label of labels) {
  const raw = readFileSync(path.join(webDir, label.file));
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const doc = parseReport(raw.toString('utf8'), { fileName: label.file, format: 'txt', encoding: 'utf-8', sha256, bytes: raw.length }, { partial: true });
  const got: Record<(typeof fields)[number], unknown> = {
    organization: doc.organization,
    level: doc.level,
    province: doc.province,
    city: doc.city,
    county: doc.county,
    year: doc.year,
    template: doc.template,
    proactive_total: doc.proactive.total,
    applications_new: doc.applications.newReceived,
  };
  for (const f of fields) {
    const want = label[f];
    // Organization: a label of null means the excerpt does not name the body; skip it.
    if (f === 'organization' && want === null) continue;
    tally[f].total++;
    if (got[f] === want) tally[f].right++;
    else tally[f].misses.push(`${label.file}: want ${JSON.stringify(want)} got ${JSON.stringify(got[f])}`);
  }
}

console.log(`web excerpts: ${labels.length}`);
for (const f of fields) {
  const t = tally[f];
  console.log(`${f.padEnd(18)} ${t.right}/${t.total}  ${((100 * t.right) / Math.max(1, t.total)).toFixed(1)}%`);
  if (showMisses) for (const m of t.misses) console.log(`    ${m}`);
}
