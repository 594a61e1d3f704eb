/**
 * npm run eval:web [-- --set web|web2] [--show-misses] [--no-url]
 *
 * Measures the parser against the two hand-labelled dev sets of real web excerpts
 * (test/fixtures/corpus/web: 80, web2: 64): for each field, the share of excerpts where the parser
 * agrees with the label. Each excerpt is parsed as a harvested file with nothing else known: with
 * a sidecar that holds only the page URL (--no-url leaves it out). Scoring rules, the same for
 * every set:
 *
 * - year, province, level: every excerpt (a null label must be matched by null);
 * - template: excerpts whose label is not `unknown`;
 * - organization: excerpts that name the body; right when the label equals the region-qualified
 *   body name (`body`) or the name as printed, compared without spaces and in simplified script;
 * - proactive total, new applications, carried over: excerpts whose label states the figure;
 *   "invented proactive totals" is the share of excerpts whose label states none where the parser
 *   gives one anyway;
 * - table 二 rows (web2): each labelled row, right when every number of the row is.
 *
 * A measure, not a test: labels are best-effort and may contain mistakes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toSimplified } from '../lib/region/traditional';
import { originOf, parseReport, type ReportDocument } from '../lib/report';
import { WEB_DIR, WEB2_DIR } from '../test/support/corpus';
import { parseCommandLine } from './support/cli';

const USAGE = 'usage: npm run eval:web -- [--set web|web2] [--show-misses] [--no-url]';
const { values } = parseCommandLine('eval:web', USAGE, {
  set: { type: 'string' },
  'show-misses': { type: 'boolean', default: false },
  'no-url': { type: 'boolean', default: false },
});

interface Label {
  file: string;
  url: string;
  organization: string | null;
  level: string | null;
  province: string | null;
  year: number | null;
  template: string | null;
  proactive_total: number | null;
  applications_new: number | null;
  carried_over?: number | null;
  t2?: Record<string, number | number[]>;
}

type Tally = { right: number; total: number; misses: string[] };
const tally = () => ({ right: 0, total: 0, misses: [] as string[] });

const T2_KEYS: Record<string, { row: string; column?: number }> = {
  regulations: { row: 'regulations' },
  normativeDocuments: { row: 'normativeDocuments' },
  licensing: { row: 'licensing' },
  punishment: { row: 'punishment' },
  enforcement: { row: 'enforcement' },
  fees: { row: 'fees' },
};

const squash = (s: string | null | undefined) => (s ? toSimplified(s.replace(/\s+/g, '')) : s);

/** A table 二 row as the label writes it: three numbers for 规章/规范性文件, else the last column. */
function t2Row(doc: ReportDocument, key: string): number | number[] | null {
  const row = doc.disclosureTable?.rows.find((r) => r.key === T2_KEYS[key]!.row);
  if (!row) return null;
  if (key === 'regulations' || key === 'normativeDocuments') return row.values.slice(0, 3).map((v) => v ?? 0);
  const last = row.values[row.values.length - 1];
  return last ?? 0;
}

function score(set: 'web' | 'web2'): void {
  const dir = set === 'web' ? WEB_DIR : WEB2_DIR;
  const labels: Label[] = readFileSync(path.join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Label);
  const t: Record<string, Tally> = Object.fromEntries(
    ['year', 'province', 'template', 'organization', 'level', 'proactive_total', 'invented_total', 'applications_new', 't2_rows', 'carried_over'].map((f) => [
      f,
      tally(),
    ]),
  );
  const check = (field: string, file: string, want: unknown, got: unknown, right = JSON.stringify(want) === JSON.stringify(got)) => {
    t[field]!.total++;
    if (right) t[field]!.right++;
    else t[field]!.misses.push(`${file}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
  };
  for (const label of labels) {
    const raw = readFileSync(path.join(dir, label.file));
    const sha256 = createHash('sha256').update(raw).digest('hex');
    const doc = parseReport(
      raw.toString('utf8'),
      { fileName: label.file, format: 'txt', encoding: 'utf-8', sha256, bytes: raw.length },
      { partial: true, origin: values['no-url'] ? null : originOf({ url: label.url }) },
    );
    check('year', label.file, label.year, doc.year);
    check('province', label.file, label.province, doc.province);
    check('level', label.file, label.level, doc.level);
    if (label.template !== 'unknown') check('template', label.file, label.template, doc.template);
    if (label.organization !== null) {
      const want = squash(label.organization);
      const body = (doc as { body?: string | null }).body ?? null;
      check('organization', label.file, label.organization, body ?? doc.organization, want === squash(body) || want === squash(doc.organization));
    }
    if (label.proactive_total !== null) check('proactive_total', label.file, label.proactive_total, doc.proactive.total);
    else check('invented_total', label.file, null, doc.proactive.total, doc.proactive.total === null);
    if (label.applications_new !== null) check('applications_new', label.file, label.applications_new, doc.applications.newReceived);
    if (label.carried_over !== null && label.carried_over !== undefined) check('carried_over', label.file, label.carried_over, doc.applications.carriedOver);
    for (const [key, want] of Object.entries(label.t2 ?? {})) check('t2_rows', `${label.file} ${key}`, want, t2Row(doc, key));
  }
  console.log(`\n${set}: ${labels.length} excerpts${values['no-url'] ? ' (no URL)' : ' (with the page URL as sidecar)'}`);
  for (const [field, v] of Object.entries(t)) {
    if (v.total === 0) continue;
    // Invented totals: the share that went wrong (lower is better).
    const share = field === 'invented_total' ? (100 * (v.total - v.right)) / v.total : (100 * v.right) / v.total;
    const shown = field === 'invented_total' ? `${v.total - v.right}/${v.total}` : `${v.right}/${v.total}`;
    console.log(`  ${field.padEnd(18)} ${shown.padStart(7)}  ${share.toFixed(1)}%${field === 'invented_total' ? ' (lower is better)' : ''}`);
    if (values['show-misses']) for (const m of v.misses) console.log(`      ${m}`);
  }
}

for (const set of values.set ? [values.set as 'web' | 'web2'] : (['web', 'web2'] as const)) score(set);
