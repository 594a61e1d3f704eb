import type { AnyNode, Element } from 'domhandler';

/**
 * DOM → plain text with the line structure a reader sees: block elements and <br> break lines,
 * each table row becomes ONE line with its cells joined by '\t' (a merged cell appears once),
 * runs of whitespace collapse to one space. Used for HTML pages and for mammoth's .docx HTML.
 */

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Never text: code, widgets, media. */
export const SKIP_TAGS = new Set([
  'area',
  'audio',
  'base',
  'button',
  'canvas',
  'embed',
  'head',
  'iframe',
  'input',
  'link',
  'map',
  'meta',
  'noscript',
  'object',
  'option',
  'script',
  'select',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'track',
  'video',
]);

const CJK_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201f]/;

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isHidden(el: Element): boolean {
  const style = el.attribs.style;
  if (style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return el.attribs.hidden !== undefined || el.attribs['aria-hidden'] === 'true';
}

/** Text for an <img>: its alt text, or a plain marker (tables are often pasted as pictures). */
function imageText(el: Element): string {
  const alt = (el.attribs.alt ?? '').replace(/\s+/g, ' ').trim();
  const src = el.attribs.src ?? '';
  const width = Number.parseInt(el.attribs.width ?? '', 10);
  const height = Number.parseInt(el.attribs.height ?? '', 10);
  if ((width > 0 && width < 32) || (height > 0 && height < 32)) return '';
  if (/(icon|logo|print|close|share|arrow|spacer|blank|dot|bullet|button|btn)[^/]*$/i.test(src) && !alt) return '';
  return alt ? `[image: ${alt}]` : '[image]';
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ');
}

/** Joins two pieces of one cell or one line: nothing between CJK characters, else one space. */
function joinPieces(pieces: string[]): string {
  let out = '';
  for (const raw of pieces) {
    const piece = raw.trim();
    if (!piece) continue;
    if (!out) out = piece;
    else if (CJK_EDGE.test(out[out.length - 1]!) && CJK_EDGE.test(piece[0]!)) out += piece;
    else out += ` ${piece}`;
  }
  return out;
}

class LineWriter {
  readonly lines: string[] = [];
  private current = '';

  text(s: string): void {
    const t = collapse(s);
    if (!t) return;
    if ((this.current === '' || this.current.endsWith(' ')) && t.startsWith(' ')) this.current += t.slice(1);
    else this.current += t;
  }

  /** Ends the current line (an empty one is dropped). */
  break(): void {
    const line = this.current.replace(/^ +| +$/g, '');
    if (line) this.lines.push(line);
    this.current = '';
  }

  /** A finished line that keeps its tabs, e.g. a table row. */
  line(s: string): void {
    this.break();
    if (s.replace(/\t/g, '').trim() || s.includes('\t')) this.lines.push(s);
  }
}

function cellsOf(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
}

function containsTable(el: Element): boolean {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (child.name === 'table' || containsTable(child)) return true;
  }
  return false;
}

/** Text of one table cell on one line: inner blocks joined, whitespace collapsed. */
function cellText(el: Element): string {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) pieces.push(current);
    current = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      current += collapse((node as { data: string }).data);
      return;
    }
    if (!isElement(node)) return;
    const name = node.name.toLowerCase();
    if (SKIP_TAGS.has(name) || isHidden(node)) return;
    if (name === 'br') return flush();
    if (name === 'img') {
      current += imageText(node);
      return;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    for (const child of node.children) walk(child);
    if (block) flush();
  };
  for (const child of el.children) walk(child);
  flush();
  return joinPieces(pieces).replace(/\t/g, ' ');
}

/** A row is a data row — one line, tab-joined — when it has several cells and no table inside. */
function isDataRow(tr: Element): boolean {
  return cellsOf(tr).length >= 2 && !containsTable(tr);
}

function walk(node: AnyNode, out: LineWriter): void {
  if (node.type === 'text') {
    out.text((node as { data: string }).data);
    return;
  }
  if (!isElement(node)) {
    if (node.type === 'root' || node.type === 'cdata') for (const child of (node as { children: AnyNode[] }).children) walk(child, out);
    return;
  }
  const name = node.name.toLowerCase();
  if (SKIP_TAGS.has(name) || isHidden(node)) return;
  if (name === 'br' || name === 'hr') {
    out.break();
    return;
  }
  if (name === 'img') {
    const t = imageText(node);
    if (t) out.text(t);
    return;
  }
  if (name === 'pre') {
    out.break();
    for (const line of textContent(node).replace(/\r\n?/g, '\n').split('\n')) out.line(line.replace(/\s+$/, ''));
    return;
  }
  if (name === 'tr' && isDataRow(node)) {
    out.line(cellsOf(node).map(cellText).join('\t'));
    return;
  }
  const block = BLOCK_TAGS.has(name);
  if (block) out.break();
  for (const child of node.children) walk(child, out);
  if (block) out.break();
}

export function textContent(node: AnyNode): string {
  if (node.type === 'text') return (node as { data: string }).data;
  if (!isElement(node) && node.type !== 'root') return '';
  if (isElement(node) && SKIP_TAGS.has(node.name.toLowerCase())) return '';
  return (node as { children: AnyNode[] }).children.map(textContent).join('');
}

/** Plain text of the given nodes, one line per block, one line per table row. */
export function nodesToText(nodes: readonly AnyNode[]): string {
  const out = new LineWriter();
  for (const node of nodes) walk(node, out);
  out.break();
  return out.lines.join('\n');
}
