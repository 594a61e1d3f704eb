import type { AnyNode, Element } from 'domhandler';

/**
 * Where an element sits on the page, by its ancestors' tags, ids and classes: in the site's
 * chrome (header, top menu, breadcrumb, footer), in a pager, or in the content. Portals name these
 * blocks in English words, pinyin or their abbreviations (dqwz 当前位置, wzdh 网站导航, fy 分页).
 */

export const isElement = (node: AnyNode | null): node is Element => !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style');

/** The words of an element's id and classes: split on -, _ and camelCase, trailing digits dropped. */
function classWords(el: Element): string[] {
  const raw = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
  if (!raw.trim()) return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((w) => w.replace(/\d+$/, ''))
    .filter(Boolean);
}

/** Site chrome: the top menu, header, footer, breadcrumb. Side menus of a column are not chrome: they list its sub-columns. */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'mainnav',
  'menu',
  'header',
  'head',
  'top',
  'topbar',
  'footer',
  'foot',
  'bottom',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'position',
  'location',
  'dqwz',
  'wzdh',
  'dh',
  'copyright',
  'banner',
  'friendlink',
  'yqlj',
  'links',
]);
const SIDE_WORDS = new Set(['left', 'side', 'sidebar', 'sub', 'subnav', 'submenu', 'lm', 'column', 'tree', 'catalog']);
const CONTENT_WORDS = new Set(['article', 'content', 'main', 'body', 'text', 'detail', 'zw', 'zhengwen', 'list', 'news', 'info']);
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'menu']);

const PAGER_WORDS = new Set(['page', 'pages', 'pager', 'pagination', 'paging', 'pagebar', 'pagelist', 'pagenav', 'fenye', 'fy', 'turnpage', 'pg', 'pgn']);

export type Region = 'chrome' | 'pager' | 'content';

/** A pager is a small block: a wrapper classed "page" around the whole page is not one. */
const MAX_PAGER_TEXT = 400;

export class Regions {
  private readonly memo = new Map<Element, Region>();

  constructor(private readonly textLength: (el: Element) => number) {}

  of(node: AnyNode): Region {
    const parent = node.parent;
    return isElement(parent) ? this.ofElement(parent) : 'content';
  }

  private ofElement(el: Element): Region {
    const known = this.memo.get(el);
    if (known) return known;
    const region = this.own(el) ?? (isElement(el.parent) ? this.ofElement(el.parent) : 'content');
    this.memo.set(el, region);
    return region;
  }

  /** What the element itself says it is, or null to ask its parent. */
  private own(el: Element): Region | null {
    if (el.name === 'body' || el.name === 'html') return 'content';
    const words = classWords(el);
    if (words.some((w) => PAGER_WORDS.has(w)) && this.textLength(el) <= MAX_PAGER_TEXT) return 'pager';
    if (CHROME_TAGS.has(el.name)) return 'chrome';
    if (!words.length) return null;
    // A side menu ("left-nav", "sub-menu") lists the column's own sub-columns.
    if (words.some((w) => SIDE_WORDS.has(w))) return 'content';
    if (words.some((w) => CHROME_WORDS.has(w)) && !words.some((w) => CONTENT_WORDS.has(w))) return 'chrome';
    return null;
  }
}
