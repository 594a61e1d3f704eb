/**
 * Tables as PDF text extraction flattens them: a row's label and figures on one line separated by
 * spaces, long labels wrapped, merged group labels printed vertically one character per line
 * (三/本/年/度/办/理/结/果), header words broken and glued ("总计商 业 企"), and page numbers
 * ("- 4 -") between rows where the table crosses a page.
 */
import { RESULTS_GROUP } from '../labels';
import type { Rng } from '../random';
import type { TableModel, TableRow } from '../tables';

export interface PageCounter {
  page: number;
}

/** Breaks text into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}

/** A header word as narrow PDF columns print it: in two pieces, sometimes with spaces between characters. */
function brokenWord(rng: Rng, word: string): string[] {
  if (word.length <= 2) return [word];
  const cut = rng.int(Math.ceil(word.length / 2), word.length - 1);
  const spaced = (s: string) => (rng.chance(0.3) ? [...s].join(' ') : s);
  return [spaced(word.slice(0, cut)), word.slice(cut)];
}

function valuesLine(values: string[]): string {
  return values.join(' ');
}

function applicationHeader(rng: Rng, rows: TableRow[]): string[] {
  const lines: string[] = [];
  const note = rows[0].labels[0];
  lines.push(...(rng.chance(0.6) ? [note.slice(0, 22), note.slice(22)] : [note]));
  lines.push('申请人情况', '自然人', '法人或其他组织');
  const columns = rows[2].values.filter(Boolean);
  const pieces = columns.flatMap((c) => brokenWord(rng, c));
  // 总计 sits to the right of the header block and lands glued to the first piece.
  if (rng.chance(0.7)) pieces[0] = `总计${pieces[0]}`;
  else pieces.push('总计');
  return [...lines, ...pieces];
}

function applicationRow(rng: Rng, row: TableRow, pending: { tail: string | null }): string[] {
  const lines: string[] = [];
  const labels = row.labels;
  const leaf = labels[labels.length - 1];
  if (pending.tail && labels.length < 3) {
    lines.push(pending.tail);
    pending.tail = null;
  }
  if (labels.length >= 2 && labels[0] === RESULTS_GROUP) {
    lines.push('三、', ...'本年度办理结果'.split(''));
  }
  let prefix = '';
  if (labels.length === 3 && labels[1]) {
    if (pending.tail) {
      lines.push(pending.tail);
      pending.tail = null;
    }
    const group = labels[1];
    const cut = rng.int(3, group.length - 1);
    const style = rng.int(0, 2);
    if (style === 0) lines.push(group);
    else if (style === 1) lines.push(group.slice(0, cut), group.slice(cut));
    else {
      prefix = `${group.slice(0, cut)} `;
      pending.tail = group.slice(cut);
    }
  }
  const label = `${prefix}${leaf}`;
  if (leaf.length > 22) {
    const [first, ...rest] = wrap(label, rng.int(18, 21));
    lines.push(first, `${rest.join('')} ${valuesLine(row.values)}`);
  } else {
    lines.push(`${label} ${valuesLine(row.values)}`);
  }
  return lines;
}

function disclosureRows(rng: Rng, rows: TableRow[]): string[] {
  return rows.flatMap((row) => {
    if (row.kind === 'section') {
      const text = row.labels[0];
      return [rng.chance(0.5) ? text.replace('条第', '条 第') : text];
    }
    if (row.kind === 'header') {
      const line = [...row.labels, ...row.values].join(' ');
      return line.length > 26 ? wrap(line, rng.int(16, 24)) : [line];
    }
    return [`${row.labels[0]} ${valuesLine(row.values)}`];
  });
}

function reviewRows(rng: Rng, rows: TableRow[]): string[] {
  const lines = ['行政复议 行政诉讼'];
  const split = (w: string) => (w.length === 4 && rng.chance(0.5) ? `${w.slice(0, 2)} ${w.slice(2)}` : w);
  lines.push(rows[1].values.map(split).join(' '));
  lines.push(rows[2].values.filter(Boolean).map(split).join(' '));
  const values = rows[3].values;
  if (rng.chance(0.5)) lines.push(valuesLine(values));
  else lines.push(valuesLine(values.slice(0, 5)), valuesLine(values.slice(5)));
  return lines;
}

function legacyRows(rows: TableRow[]): string[] {
  return rows.map((row, i) => {
    if (i === 0) return '统计指标 单位 统计数';
    const label = row.labels[0].trim();
    return [label, ...row.values.filter(Boolean)].join(' ');
  });
}

/** Inserts "- N -" page numbers at one or two row boundaries. */
function withPageBreaks(rng: Rng, lines: string[], counter: PageCounter, chance: number): string[] {
  if (lines.length < 8 || !rng.chance(chance)) return lines;
  const out = lines.slice();
  const breaks = rng.chance(0.3) ? 2 : 1;
  const positions = new Set<number>();
  for (let i = 0; i < breaks; i++) positions.add(rng.int(4, out.length - 2));
  for (const at of [...positions].sort((a, b) => b - a)) {
    counter.page += 1;
    out.splice(at, 0, `- ${counter.page} -`);
  }
  return out;
}

export function renderPdfText(rng: Rng, model: TableModel, counter: PageCounter): string[] {
  let lines: string[];
  switch (model.id) {
    case 't3': {
      const pending = { tail: null as string | null };
      const body = model.rows.filter((r) => r.kind === 'data').flatMap((row) => applicationRow(rng, row, pending));
      if (pending.tail) body.push(pending.tail);
      lines = [...applicationHeader(rng, model.rows), ...body];
      return withPageBreaks(rng, lines, counter, 0.8);
    }
    case 't2':
      lines = disclosureRows(rng, model.rows);
      return withPageBreaks(rng, lines, counter, 0.3);
    case 't4':
      return reviewRows(rng, model.rows);
    case 'legacy':
      return withPageBreaks(rng, legacyRows(model.rows), counter, 0.6);
  }
}
