import type { CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { type DecodedText, decodeText } from './encoding';
import { IngestError, type IngestErrorCode } from './errors';
import { isElement, isHidden, nodesToText, SKIP_TAGS, textContent } from './html-text';
import { countCjk } from './normalize';

/** The charset a page states about itself: <meta charset>, http-equiv content, or <?xml encoding>. */
function declaredCharset(buf: Uint8Array): string | null {
  let head = '';
  const end = Math.min(buf.length, 4096);
  for (let i = 0; i < end; i++) head += String.fromCharCode(buf[i]!);
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (meta) return meta[1]!;
  const xml = /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return xml ? xml[1]! : null;
}

/** Decodes an HTML page: BOM, then strict UTF-8, then the declared charset, then GB18030/Big5. */
export function decodeHtml(buf: Uint8Array): DecodedText | null {
  return decodeText(buf, declaredCharset(buf));
}

/** Chrome we remove by tag: site navigation, banners, forms for search and login. */
const CHROME_TAGS = ['nav', 'aside', 'header', 'footer', 'form', 'menu'];

/** Words in ids and classes that mark page chrome (split on -, _ and camelCase). */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'navi',
  'menu',
  'menus',
  'submenu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'bread',
  'footer',
  'foot',
  'header',
  'topbar',
  'sidebar',
  'side',
  'share',
  'sharing',
  'bdshare',
  'login',
  'logon',
  'register',
  'search',
  'searchbox',
  'copyright',
  'banner',
  'toolbar',
  'tools',
  'pager',
  'pagination',
  'skip',
  'dh',
  'wzdh',
  'dqwz',
  'position',
  'location',
  'bottom',
  'gotop',
  'backtop',
  'qrcode',
  'ewm',
  'weixin',
  'wechat',
  'related',
  'xgxx',
  'xglj',
  'friendlink',
  'yqlj',
  'links',
  'comment',
  'comments',
  'ad',
  'ads',
  'advert',
  'popup',
  'modal',
  'cookie',
  'print',
  'fontsize',
  'zihao',
]);

/** Words that mean "this is the article", which a chrome word next to them does not override. */
const CONTENT_WORDS = new Set(['article', 'content', 'main', 'body', 'text', 'detail', 'details', 'zw', 'zhengwen', 'wenzhang', 'news', 'info', 'title']);

/** Footer furniture. One marker can occur in a report sentence ("提供技术支持"), so it takes two, or a very short block. */
const FOOTER_MARKERS = /版权所有|ICP备|网站标识码|公网安备|技术支持|主办单位|承办单位|网站地图|联系我们|copyright|©/gi;
/** Page tools next to the article: font size, print, close, share. */
const TOOL_MARKERS = /字体[:：]?\s*[【[]?\s*[大中小]|打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|分享到|扫一扫/;
/** A breadcrumb opens with where you are. */
const BREADCRUMB = /^(当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置)/;

function isFurniture(text: string): boolean {
  if (text.length >= 200) return false;
  if (BREADCRUMB.test(text)) return true;
  if (text.length < 80 && TOOL_MARKERS.test(text)) return true;
  const markers = new Set(text.match(FOOTER_MARKERS)?.map((m) => m.toLowerCase()));
  return markers.size >= 2 || (markers.size === 1 && text.length < 40);
}

function classWords(el: Element): string[] {
  const raw = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((w) => w.replace(/\d+$/, ''))
    .filter(Boolean);
}

function looksLikeChrome(el: Element): boolean {
  const words = classWords(el);
  return words.some((w) => CHROME_WORDS.has(w)) && !words.some((w) => CONTENT_WORDS.has(w));
}

function hasAncestor(el: Element, names: string[]): boolean {
  for (let p = el.parent; p; p = p.parent) if (isElement(p) && names.includes(p.name)) return true;
  return false;
}

/** CJK characters outside links, per element: the measure of "report text" used below. */
function scoreText(root: AnyNode): Map<AnyNode, number> {
  const scores = new Map<AnyNode, number>();
  const visit = (node: AnyNode, inLink: boolean): number => {
    if (node.type === 'text') return inLink ? 0 : countCjk((node as { data: string }).data);
    if (!isElement(node) && node.type !== 'root') return 0;
    if (isElement(node) && (SKIP_TAGS.has(node.name) || isHidden(node))) return 0;
    const link = inLink || (isElement(node) && node.name === 'a');
    let sum = 0;
    for (const child of (node as { children: AnyNode[] }).children) sum += visit(child, link);
    scores.set(node, sum);
    return sum;
  };
  visit(root, false);
  return scores;
}

function removeChrome($: CheerioAPI, body: Element): void {
  const total = countCjk(textContent(body)) || 1;
  const remove = (el: Element, guarded = true) => {
    if (el === body || ['html', 'body', 'main', 'article'].includes(el.name)) return;
    // Never drop the bulk of the page on a class name: a mislabelled wrapper would take the report with it.
    if (guarded && countCjk(textContent(el)) > total * 0.4) return;
    $(el).remove();
  };

  $([...SKIP_TAGS].join(',')).remove();
  $('*').each((_, el) => {
    if (isElement(el) && isHidden(el)) $(el).remove();
  });
  for (const el of $(CHROME_TAGS.join(',')).toArray()) {
    if (!isElement(el) || !el.parent) continue;
    // an <header>/<footer> inside the article holds its title or signature, not site chrome
    if ((el.name === 'header' || el.name === 'footer') && hasAncestor(el, ['article', 'main'])) continue;
    if (el.name === 'form') {
      if (countCjk(textContent(el)) < 200) remove(el); // ASP.NET wraps whole pages in a form
      continue;
    }
    remove(el, false);
  }
  for (const el of $('[id],[class]').toArray()) {
    if (isElement(el) && el.parent && looksLikeChrome(el)) remove(el);
  }
  for (const el of $('div,p,span,td,li,ul,table,section,dl').toArray()) {
    if (!isElement(el) || !el.parent) continue;
    if (isFurniture(textContent(el).replace(/\s+/g, ' ').trim())) remove(el);
  }
}

const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);

/** Children to descend into, looking through table structure to its cells (layout tables). */
function candidates(el: Element): Element[] {
  const out: Element[] = [];
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (TABLE_PARTS.has(child.name)) out.push(...candidates(child));
    else out.push(child);
  }
  return out;
}

const INNER_BLOCKS = new Set(['div', 'p', 'table', 'ul', 'ol', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dl', 'blockquote', 'pre']);

function hasBlockInside(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (INNER_BLOCKS.has(c.name) || hasBlockInside(c)));
}

function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let p: AnyNode | null = node; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function dataRows(table: Element): number {
  let rows = 0;
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c) || c.name === 'table') continue;
      if (c.name === 'tr') {
        if (c.children.filter((x) => isElement(x) && (x.name === 'td' || x.name === 'th')).length >= 2) rows++;
      } else visit(c);
    }
  };
  visit(table);
  return rows;
}

/** A table with at least two multi-cell rows inside `node` but neither around nor inside `keep`. */
function dataTableOutside(node: Element, keep: Element): boolean {
  const tables: Element[] = [];
  const collect = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'table') tables.push(c);
      collect(c);
    }
  };
  collect(node);
  return tables.some((t) => !contains(t, keep) && !contains(keep, t) && dataRows(t) >= 2 && countCjk(textContent(t)) > 0);
}

/**
 * The report body: walk down from <body> while one child (or table cell) holds at least 75% of
 * the page's non-link CJK text — the smallest block that still holds nearly everything.
 */
function pickBody(body: Element): Element {
  const scores = scoreText(body);
  const total = scores.get(body) ?? 0;
  if (total === 0) return body;
  let node = body;
  for (;;) {
    let best: Element | null = null;
    let bestScore = 0;
    for (const child of candidates(node)) {
      const s = scores.get(child) ?? 0;
      if (s > bestScore) {
        best = child;
        bestScore = s;
      }
    }
    if (!best || bestScore < total * 0.75) break;
    // One paragraph holding most of the text: its neighbours (other paragraphs, tables) are report too.
    if (!hasBlockInside(best)) break;
    // Never leave a data table behind: report tables carry few CJK characters but all the figures.
    if (dataTableOutside(node, best)) break;
    node = best;
  }
  // If we ended in a block that is not about disclosure while the page is, climb back up.
  const bodyText = textContent(body);
  if (bodyText.includes('信息公开')) {
    while (node !== body && !textContent(node).includes('信息公开') && node.parent && isElement(node.parent)) node = node.parent;
  }
  return node;
}

/** Blocks inside the body made mostly of links ("上一篇/下一篇", related items) are dropped. */
function dropLinkLists($: CheerioAPI, container: Element): void {
  for (const el of $(container).find('ul,ol,dl,div,section').toArray()) {
    if (!isElement(el) || !el.parent) continue;
    const text = textContent(el);
    const all = countCjk(text);
    if (all < 4) continue;
    const linked = $(el)
      .find('a')
      .toArray()
      .reduce((sum, a) => sum + countCjk(textContent(a)), 0);
    if (linked / all > 0.6) $(el).remove();
  }
}

function isTitle(text: string): boolean {
  return text.length >= 8 && text.length <= 100 && /报告|年报/.test(text) && /(19|20)\d{2}|[〇零一二三四五六七八九]{4}/.test(text);
}

function cleanTitle(el: AnyNode): string {
  return textContent(el).replace(/\s+/g, ' ').trim();
}

/** A heading anywhere (h1–h3 or a "title" class), else the report part of <title>. Looked up before chrome removal. */
function findHeadingTitle($: CheerioAPI): string | null {
  for (const el of $('h1,h2,h3,[class*="title"],[id*="title"],[class*="biaoti"]').toArray()) {
    if (!isElement(el) || el.name === 'a' || el.name === 'title' || hasAncestor(el, ['a', 'nav', 'li'])) continue;
    const t = cleanTitle(el);
    if (isTitle(t)) return t;
  }
  const docTitle = $('title').first().text().replace(/\s+/g, ' ').trim();
  return docTitle.split(/\s*[_|｜—–]\s*|\s+-\s+/).find(isTitle) ?? null;
}

/** The nearest short text block just above the picked block that reads like a title. */
function findTitleAbove(body: Element, container: Element): string | null {
  const blocks: Element[] = [];
  let done = false;
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (done || !isElement(c)) continue;
      if (c === container) {
        done = true;
        return;
      }
      if (c.name === 'a' || SKIP_TAGS.has(c.name)) continue;
      if (!hasBlockInside(c) && c.name !== 'span' && c.name !== 'strong' && c.name !== 'b' && c.name !== 'font') {
        if (cleanTitle(c)) blocks.push(c);
      } else {
        visit(c);
      }
    }
  };
  visit(body);
  if (!done) return null;
  for (const el of blocks.slice(-5).reverse()) {
    const t = cleanTitle(el);
    if (isTitle(t)) return t;
  }
  return null;
}

/**
 * Deeper nesting than this is refused before parsing: parse5 (cheerio's HTML parser) takes time
 * quadratic in the depth (20,000 nested elements: 23 s) and the text walk recurses. Real report
 * pages nest a few dozen elements.
 */
export const MAX_HTML_DEPTH = 1000;

/** Elements that never hold others, or whose end tag the parser supplies (they cannot nest deeply). */
const NON_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'colgroup',
  'thead',
  'tbody',
  'tfoot',
]);

/** How deep the markup's elements nest, from the tags alone (no tree is built): an upper bound for sloppy pages. */
export function markupDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const match of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(\/?)>/g)) {
    const name = match[2]!.toLowerCase();
    if (NON_NESTING.has(name) || match[3]) continue;
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** Refuses markup nested deeper than MAX_HTML_DEPTH, with a named reason. */
export function checkDepth(html: string, fileName: string, code: IngestErrorCode): void {
  const depth = markupDepth(html);
  if (depth > MAX_HTML_DEPTH)
    throw new IngestError(code, fileName, `markup nested ${depth.toLocaleString('en')} elements deep, over the ${MAX_HTML_DEPTH.toLocaleString('en')} limit`);
}

export interface HtmlTextOptions {
  /** Remove navigation chrome and keep only the report's block (true for web pages). */
  selectBody: boolean;
}

export function htmlToText(html: string, options: HtmlTextOptions): string {
  const $ = cheerio.load(html);
  const body = ($('body').get(0) ?? $.root().get(0)) as AnyNode;
  if (!options.selectBody || !isElement(body)) return nodesToText([body]);

  const heading = findHeadingTitle($);
  removeChrome($, body);
  const container = pickBody(body);
  dropLinkLists($, container);
  const title = findTitleAbove(body, container) ?? heading;
  const text = nodesToText([container]);
  // Keep the title (it names the body and the year) when the picked block starts below it.
  if (title && !text.slice(0, 400).replace(/\s+/g, '').includes(title.replace(/\s+/g, ''))) return `${title}\n${text}`;
  return text;
}
