import { HighlightedText } from '@/components/highlighted-text';
import { SECTION_LABELS } from '@/lib/report/labels';
import { type ReportDocument, sectionKeys } from '@/lib/report/schema';
import { highlight } from '@/lib/search/highlight';
import { searchTerms } from '@/lib/search/recall';
import type { HighlightedText as Segments } from '@/lib/search/types';

/**
 * Paragraphs of a section. PDF text breaks lines where the page did, mid-sentence: those lines
 * are joined until a line ends a sentence or the next one starts a numbered heading.
 */
function paragraphsOf(text: string, joinBrokenLines: boolean): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!joinBrokenLines) return lines;
  const out: string[] = [];
  let current = '';
  const heading = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．])/;
  for (const line of lines) {
    if (current && heading.test(line)) {
      out.push(current);
      current = '';
    }
    current += current && /[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(line) ? ` ${line}` : line;
    if (/[。！？；：:]$/.test(line)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

const hasHits = (segments: Segments) => segments.some((s) => s.hit);

/** Sections whose text is mostly the table of the same name. */
const TABLE_OF_SECTION: Partial<Record<string, (report: ReportDocument) => boolean>> = {
  proactive: (r) => r.disclosureTable !== null,
  applications: (r) => r.applicationTable !== null,
  review: (r) => r.reviewTable !== null,
};

export function ReportSections({ report, q }: { report: ReportDocument; q: string }) {
  // The same terms the search matched (traditional script made simplified, split like the engine).
  const terms = searchTerms(q);
  const joinLines = report.source.format === 'pdf';
  const present = sectionKeys.filter((key) => report.sections[key]);
  // Reports without the six parts (older prose reports, odd layouts): the whole text.
  const blocks = present.length
    ? present.map((key) => ({ key, title: SECTION_LABELS[key], text: report.sections[key] as string }))
    : [{ key: 'text', title: '全文', text: report.text }];
  const highlighted = blocks.map((block) => ({
    ...block,
    paragraphs: paragraphsOf(block.text, joinLines).map((p) => (terms.length ? highlight(p, terms) : [{ text: p, hit: false }])),
  }));
  const anyHits = q ? highlighted.some((b) => b.paragraphs.some(hasHits)) : false;
  return (
    <section className="report-section report-text" aria-labelledby="text-heading" data-testid="report-text">
      <h2 id="text-heading">报告正文</h2>
      {q ? (
        <p className="notice notice--info" data-testid="highlight-note">
          {anyHits ? <>已标出检索词“{q}”。</> : <>正文中没有“{q}”：这份报告是因标题、机关名称或地名被检索到的。</>}
        </p>
      ) : null}
      {highlighted.map((block) => {
        const paragraphs = block.paragraphs.map((segments, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of a fixed text, rendered once on the server, never reorder; their text can repeat and would copy the whole report into the keys
          <p key={i}>
            <HighlightedText segments={segments} />
          </p>
        ));
        // Parts that are mostly a table already shown above fold away, unless the words are in them.
        const tableShown = TABLE_OF_SECTION[block.key]?.(report) ?? false;
        return (
          <section key={block.key} aria-labelledby={`section-${block.key}`} className="report-text__part" data-testid={`section-${block.key}`}>
            <h3 id={`section-${block.key}`}>{block.title}</h3>
            {tableShown ? (
              <details className="report-text__raw" open={block.paragraphs.some(hasHits)}>
                <summary>本节原文（其中的表格已按原样列在上方“统计表”）</summary>
                {paragraphs}
              </details>
            ) : (
              paragraphs
            )}
          </section>
        );
      })}
    </section>
  );
}
