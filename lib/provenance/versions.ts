import path from 'node:path';
import { diffArrays } from 'diff';
import type { IndexedReport } from '../document/indexed-report';
import { parseReportFile, type ReportDocument } from '../report';
import { SECTION_LABELS } from '../report/labels';

/**
 * 发布后被修改: a harvested report whose URL later served different content keeps its earlier
 * versions (lib/harvest/store.ts). This compares each earlier version with the next one: the key
 * figures that changed (old → new) and, section by section, the sentences removed and added
 * (a diff over sentences, made with the diff package: Chinese has no spaces to split words at).
 */

interface FigureChange {
  label: string;
  before: string;
  after: string;
}

interface SentenceChange {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

interface SectionChange {
  section: string;
  changes: SentenceChange[];
}

export interface VersionComparison {
  /** When the earlier content was last seen, and when the later one was. */
  from: { fetchedAt: string };
  to: { fetchedAt: string | null };
  figures: FigureChange[];
  sections: SectionChange[];
  /** Why the earlier file could not be compared, when it could not. */
  problem?: string;
}

type Doc = Pick<ReportDocument, 'title' | 'organization' | 'year' | 'publishedAt' | 'proactive' | 'applications' | 'review' | 'feesCollected' | 'sections'>;

const show = (value: string | number | null | undefined) => (value === null || value === undefined ? '—' : String(value));

const FIGURES: Array<[string, (d: Doc) => string | number | null | undefined]> = [
  ['标题', (d) => d.title],
  ['发布机关', (d) => d.organization],
  ['年度', (d) => d.year],
  ['发布日期', (d) => d.publishedAt],
  ['主动公开总数', (d) => d.proactive.total],
  ['新收申请', (d) => d.applications.newReceived],
  ['上年结转', (d) => d.applications.carriedOver],
  ['结转下年度', (d) => d.applications.carriedForward],
  ['予以公开', (d) => d.applications.outcomes?.granted],
  ['部分公开', (d) => d.applications.outcomes?.partiallyGranted],
  ['不予公开', (d) => d.applications.outcomes?.refused],
  ['行政复议', (d) => d.review.reconsiderations],
  ['行政诉讼', (d) => d.review.lawsuits],
  ['收费（万元）', (d) => d.feesCollected],
];

function figureChanges(before: Doc, after: Doc): FigureChange[] {
  const changes: FigureChange[] = [];
  for (const [label, read] of FIGURES) {
    const a = show(read(before));
    const b = show(read(after));
    if (a !== b) changes.push({ label, before: a, after: b });
  }
  return changes;
}

function sentences(text: string | null): string[] {
  return (text ?? '')
    .split(/(?<=[。；！？\n])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Section by section, the sentences removed and added (unchanged ones kept for context, then trimmed). */
function sectionChanges(before: Doc, after: Doc): SectionChange[] {
  const out: SectionChange[] = [];
  for (const key of Object.keys(after.sections) as Array<keyof Doc['sections']>) {
    const parts = diffArrays(sentences(before.sections[key]), sentences(after.sections[key]));
    if (!parts.some((p) => p.added || p.removed)) continue;
    const changes: SentenceChange[] = [];
    for (const part of parts) {
      const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
      // Unchanged runs shrink to their edges: enough to see where a change sits.
      const values = kind === 'same' && part.value.length > 2 ? [part.value[0]!, '…', part.value[part.value.length - 1]!] : part.value;
      for (const text of values) changes.push({ kind, text });
    }
    out.push({ section: SECTION_LABELS[key] ?? key, changes });
  }
  return out;
}

/** Every earlier version against the one after it, newest change first. Reads the kept files from the data folder. */
export async function compareVersions(report: IndexedReport, dataRoot: string): Promise<VersionComparison[]> {
  const versions = report.origin?.versions ?? [];
  if (versions.length === 0) return [];
  const comparisons: VersionComparison[] = [];
  let later: Doc = report;
  let laterFetchedAt: string | null = report.origin?.fetchedAt ?? null;
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i]!;
    const from = { fetchedAt: version.fetchedAt };
    const to = { fetchedAt: laterFetchedAt };
    try {
      // turbopackIgnore: a runtime file of the data folder.
      // The earlier file's own sidecar (kept beside it) gives it the page date it had then.
      const earlier = await parseReportFile(path.join(/*turbopackIgnore: true*/ dataRoot, version.file));
      comparisons.push({ from, to, figures: figureChanges(earlier, later), sections: sectionChanges(earlier, later) });
      later = earlier;
    } catch (error) {
      comparisons.push({ from, to, figures: [], sections: [], problem: (error as Error).message.slice(0, 200) });
    }
    laterFetchedAt = version.fetchedAt;
  }
  return comparisons;
}
