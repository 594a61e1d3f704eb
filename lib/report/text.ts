/**
 * Text clean-up shared by every part of the parser: markers left by converters, page numbers,
 * full-width digits, and the token stream the table readers work on.
 */

const FULLWIDTH_DIGITS = /[０-９]/g;
const HAS_FULLWIDTH_DIGIT = /[０-９]/;

/** Converter marks such as "[image: …]" and "[bookmark: _GoBack]" carry no report text. */
const MARKER = /\[(?:image|bookmark|图片|img)[^\]\n]{0,200}\]/gi;

/** Page numbers printed inside tables by PDF extraction: "- 4 -", "— 2 —", "第 3 页 共 5 页". */
const PAGE_NUMBER_LINE = /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

export interface CleanText {
  text: string;
  /** How many image marks the converter left: a hint that tables were pasted as pictures. */
  imageMarks: number;
}

export function cleanReportText(raw: string): CleanText {
  let imageMarks = 0;
  // Each clean-up is tried only when its target occurs: most texts need none of them.
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\u00a0')) text = text.replace(/\u00a0/g, ' ');
  if (text.includes('[')) {
    text = text.replace(MARKER, (m) => {
      if (/^\[(?:image|图片|img)/i.test(m)) imageMarks++;
      return ' ';
    });
  }
  if (HAS_FULLWIDTH_DIGIT.test(text)) text = text.replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  // Markdown emphasis around words ("**一是**") and heading hashes are formatting, not content.
  if (text.includes('**')) text = text.replace(/\*\*([^*\n]{1,40})\*\*/g, '$1');
  const lines = text.split('\n');
  const kept = lines.filter((line) => !PAGE_NUMBER_LINE.test(line));
  return { text: kept.length === lines.length ? text : kept.join('\n'), imageMarks };
}

/** Remove all white space: labels in PDFs come with stray spaces ("总 计", "商 业 企"). */
export function squash(s: string): string {
  // Most Chinese lines hold no white space at all: testing is much cheaper than replacing.
  return HAS_SPACE.test(s) ? s.replace(SPACES, '') : s;
}
const HAS_SPACE = /[\s\u3000]/;
const SPACES = /[\s\u3000]+/g;

let cachedText: string | null = null;
let cachedLines: string[] = [];
let cachedFlat: string[] = [];

function cache(text: string): void {
  if (text === cachedText) return;
  cachedLines = text.split('\n');
  cachedFlat = cachedLines.map(squash);
  cachedText = text;
}

/** The lines of a text, split once per text (every table reader looks at the same text). Not to be modified. */
export function textLines(text: string): string[] {
  cache(text);
  return cachedLines;
}

/** The lines of a text with their white space removed, computed once per text. Not to be modified. */
export function squashedLines(text: string): string[] {
  cache(text);
  return cachedFlat;
}

/** A cell that stands for a number: digits, or a dash/slash/无 meaning zero. */
const NUMBER_CELL = /^[+＋]?[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const ZERO_CELL = /^(?:[/／]|[-—–－―]{1,2})$/;

/** Characters a number cell can start with: digits, signs, and the dashes and slashes of zero. */
function mayStartNumber(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 43 ||
    code === 45 ||
    code === 47 ||
    code === 0xff0b ||
    code === 0xff0d ||
    code === 0xff0f ||
    (code >= 0x2012 && code <= 0x2015) ||
    code === 0x2212
  );
}

export function parseNumberCell(cell: string): number | null {
  const c = cell.trim();
  // Most cells are words: one look at the first character settles them.
  if (c === '' || !mayStartNumber(c.charCodeAt(0))) return null;
  if (ZERO_CELL.test(c)) return 0;
  if (!NUMBER_CELL.test(c)) return null;
  const normalised = c.replace(/[＋+]/, '').replace(/[−－]/, '-').replace(/,/g, '');
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

export type Token = { kind: 'text'; text: string; line: number } | { kind: 'number'; value: number; raw: string; line: number; blank?: boolean };

/** Units and words that make a number prose ("2023 年", "124 条") rather than a table cell. */
const PROSE_FOLLOWER = /^(?:年|月|日|号|件|条|个|次|人|万|元|%|％|篇|项|期|份|场|余|多|家|名|批|页|天|小时|分钟|余件|余条)/;

/** Parenthesised notes inside cells or labels: "22（其中修订 16 件）", "（一）". */
const PAREN_NOTE = /[（(][^（）()\n]{0,60}[）)]/g;

export interface TokenizeOptions {
  /**
   * Empty cells of `|` rows stand for zeros once the row's label has been printed ("| 二、上年结转… |  |  | 1 |"),
   * and so does a lone "|" line after a line that already ended its cell with "|" (one cell per line).
   * Off for tables whose empty cells are headings' padding rather than figures.
   */
  pipeBlanks?: boolean;
}

/** A cell signed in words, as the 2019 template's 本年增/减 column prints it: "增12", "减3". */
const WORD_SIGNED_CELL = /^(增|减)(\d+(?:\.\d+)?)$/;

/** A row label with its cells run together when all of them are 0 ("规章000", "行政许可0"): only zeros are unambiguous. */
const GLUED_ZEROS = /^[^\d\s]*[\u4e00-\u9fa5](0+)$/;

/** An amount with its unit inside the cell ("23600万元"): the figure. */
const UNIT_CELL = /^(\d+(?:\.\d+)?)万?元$/;

/** A number cell, also signed in words or carrying its unit. */
function tableCellValue(part: string): number | null {
  const plain = parseNumberCell(part);
  if (plain !== null) return plain;
  if (part.startsWith('增') || part.startsWith('减')) {
    const signed = part.match(WORD_SIGNED_CELL);
    return signed ? (signed[1] === '减' ? -1 : 1) * Number(signed[2]) : null;
  }
  const unit = part.endsWith('元') ? part.match(UNIT_CELL) : null;
  return unit ? Number(unit[1]) : null;
}

/** The last character of a line that is not white space ('' for a blank line). */
function lastVisible(line: string): string {
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i];
    if (c !== ' ' && c !== '\t' && c !== '\u3000' && c !== '\r') return c;
  }
  return '';
}

/**
 * Turn a table region into a stream of text and number tokens, whatever the layout:
 * one cell per line, tab rows, `|` rows, or flattened PDF lines.
 */
export function tokenizeTable(region: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const lines = region.split('\n');
  const blank = (lineNo: number): Token => ({ kind: 'number', value: 0, raw: '', line: lineNo, blank: true });
  let previousEndsCell = false;
  lines.forEach((rawLine, lineNo) => {
    const endsCell = previousEndsCell;
    if (options.pipeBlanks) {
      const last = lastVisible(rawLine);
      if (last !== '') previousEndsCell = last === '|';
    }
    // "|---|---|" separator rows of markdown tables carry nothing.
    if (/^\s*\|?\s*:?-{2,}/.test(rawLine) && /^[\s|:-]+$/.test(rawLine)) {
      tokens.push({ kind: 'text', text: '', line: lineNo });
      return;
    }
    // One cell per line: a line holding only its tab is an empty cell, which stands for zero.
    // Extra empty cells after a complete row are dropped later (trimBlanks).
    if (rawLine === '\t') {
      tokens.push(blank(lineNo));
      return;
    }
    // One cell per line, each closed by "|": a lone "|" after a closed cell is an empty cell.
    if (options.pipeBlanks && endsCell && /^\s*\|\s*$/.test(rawLine)) {
      tokens.push(blank(lineNo));
      return;
    }
    // Notes in brackets ("22（其中修订 16 件）", "（一）", "（单位：万元）") are not cells.
    const line = rawLine.includes('（') || rawLine.includes('(') ? rawLine.replace(PAREN_NOTE, ' ') : rawLine;
    if (isProseLine(line) && !hasFigureCells(line)) {
      tokens.push({ kind: 'text', text: squash(line), line: lineNo });
      return;
    }
    const isTabRow = line.includes('\t');
    const cells = isTabRow || line.includes('|') ? line.split(/\t|\|/) : [line];
    const isPipeRow = options.pipeBlanks === true && line.includes('|');
    // The text before a row's first "|" and after its last one is outside the row's cells.
    if (isPipeRow) {
      if (cells[0].trim() === '') cells.shift();
      if (cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
    }
    let seenNumber = false;
    let seenCell = false;
    for (const cell of cells) {
      const trimmed = cell.trim();
      if (trimmed === '') {
        // An empty tab cell after the first figure of a row stands for a zero; so does an empty
        // `|` cell after the row's label.
        if ((isTabRow && seenNumber) || (isPipeRow && seenCell)) tokens.push(blank(lineNo));
        continue;
      }
      seenCell = true;
      // "无" filling a cell of a row means zero; alone on a line it may be a broken label ("（四）无 / 法提供").
      if (trimmed === '无' && (isTabRow || line.includes('|'))) {
        tokens.push({ kind: 'number', value: 0, raw: trimmed, line: lineNo });
        seenNumber = true;
        continue;
      }
      const parts = trimmed.includes(' ') || trimmed.includes('\u3000') ? trimmed.split(/[ \u3000]+/) : [trimmed];
      for (let i = 0; i < parts.length; i++) {
        const value = tableCellValue(parts[i]);
        if (value !== null && !PROSE_FOLLOWER.test(parts[i + 1] ?? '')) {
          tokens.push({ kind: 'number', value, raw: parts[i], line: lineNo });
          seenNumber = true;
        } else if (value === null && GLUED_ZEROS.test(parts[i])) {
          // "规章000": a label with its cells run together, every one of them 0.
          const zeros = parts[i].match(GLUED_ZEROS)?.[1] ?? '';
          tokens.push({ kind: 'text', text: parts[i].slice(0, -zeros.length), line: lineNo });
          for (let k = 0; k < zeros.length; k++) tokens.push({ kind: 'number', value: 0, raw: '0', line: lineNo });
          seenNumber = true;
        } else {
          tokens.push({ kind: 'text', text: parts[i], line: lineNo });
        }
      }
    }
    // A tab row whose label is followed only by empty cells ("3.其他\t\t\t\t\t\t\t"): zeros.
    if (isTabRow && !seenNumber) {
      const trailing = line.length - line.replace(/\t+$/, '').length;
      if (trailing >= 6) for (let k = 0; k < trailing; k++) tokens.push(blank(lineNo));
    }
  });
  return tokens;
}

/**
 * A row of cells with figures in two or more of them is a table row, even when a cell holds a
 * sentence (a filling instruction or note left in the table: "| … | 2 | 注：按申请人计，… |").
 */
function hasFigureCells(line: string): boolean {
  if (!line.includes('|') && !line.includes('\t')) return false;
  let figures = 0;
  for (const cell of line.split(/\t|\|/)) if (parseNumberCell(cell) !== null && ++figures >= 2) return true;
  return false;
}

/** Long sentences with Chinese punctuation are prose, even inside a table region. */
function isProseLine(line: string): boolean {
  if (line.length < 28) return false;
  const s = squash(line);
  if (s.length < 28) return false;
  const stops = (s.match(/[，。；：、！？]/g) ?? []).length;
  return /。/.test(s) || stops >= 3;
}
