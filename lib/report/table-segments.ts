import { squash, type Token } from './text';

/** A run of figures with the label text printed before it. */
export interface Segment {
  label: string;
  numbers: number[];
  blanks: boolean[];
  firstLine: number;
}

/**
 * Group a token stream into label → figures segments. A line holding a whole row of figures
 * and nothing else starts a segment of its own, so two unlabelled rows never merge.
 */
export function segmentTokens(tokens: Token[], rowWidth: number): Segment[] {
  const segments: Segment[] = [];
  const figuresPerLine = new Map<number, number>();
  const textLines = new Set<number>();
  for (const t of tokens) {
    if (t.kind === 'number') figuresPerLine.set(t.line, (figuresPerLine.get(t.line) ?? 0) + 1);
    else if (t.text) textLines.add(t.line);
  }
  let label = '';
  let current: Segment | null = null;
  let lastLine = -1;
  for (const t of tokens) {
    if (t.kind === 'text') {
      if (current) {
        segments.push(current);
        current = null;
        label = '';
      }
      label += squash(t.text);
      // An empty text token (a markdown separator row) still ends a run of figures.
      continue;
    }
    const wholeRowLine = t.line !== lastLine && !textLines.has(t.line) && (figuresPerLine.get(t.line) ?? 0) >= rowWidth - 1;
    if (current && wholeRowLine) {
      segments.push(current);
      current = null;
      label = '';
    }
    if (!current) current = { label, numbers: [], blanks: [], firstLine: t.line };
    current.numbers.push(t.value);
    current.blanks.push(Boolean(t.blank));
    lastLine = t.line;
  }
  if (current) segments.push(current);
  return segments;
}

/**
 * Drop blank (empty-cell) zeros at the ends of a run beyond the expected width; `blanks` says
 * which of the figures kept were empty cells.
 */
export function trimBlanks(seg: Segment, width: number): { numbers: number[]; blanks: boolean[] } {
  const numbers = [...seg.numbers];
  const blanks = [...seg.blanks];
  while (numbers.length > width && blanks[blanks.length - 1]) {
    numbers.pop();
    blanks.pop();
  }
  // A run of nothing but empty cells carries no figure of its own.
  if (blanks.every(Boolean) && numbers.length !== width) return { numbers: [], blanks: [] };
  return { numbers, blanks };
}

/** How many figures trimBlanks would keep, without copying them. */
export function trimmedLength(seg: Segment, width: number): number {
  let n = seg.numbers.length;
  while (n > width && seg.blanks[n - 1]) n--;
  if (n !== width && seg.blanks.every(Boolean)) return 0;
  return n;
}
