/**
 * The pages of a listing, in the shapes portals page them: index.html, index_1.html … (page 0 has
 * no number), often written by a script call such as createPageHTML(total, current, "index",
 * "html") rather than links; 下一页 / 尾页 links; numbered links; a page number in the query
 * (?page=N, pageNo=, curPage= …). From the highest page a pager shows (its 尾页, or the largest
 * number) the pages in between are filled in, since pagers show only a window of numbers.
 */

/** Query parameters that number a listing's pages. */
const PAGE_PARAMS =
  /^(page|pageno|page_no|pagenum|pagenumber|pageindex|page_index|curpage|cur_page|currentpage|current_page|currpage|pn|p|cp|pagecurrent|curr)$/i;
/**
 * A page-numbered file: index_3.html, list_12.shtml, column-index-2.shtml. At most four digits,
 * so t20230128_3929475.html is not one.
 */
const PAGE_FILE = /^(.*\/)([^/]*?)(?:([_-])(\d{1,4}))?\.(s?html?|jsp|php|aspx?|do)$/i;
/** A file named by its page number alone: list/2.html, and 博达 VSB's xxgknb/3.htm next to xxgknb.htm. */
const NUMBER_FILE = /^(.*\/)(\d{1,4})\.(s?html?)$/i;

/** A URL with its page number taken out: the same template means the same listing. */
export interface PageSlot {
  template: string;
  n: number;
  /** Where the number goes: a query parameter, or a file name (folder, stem, separator, extension; no stem for number-only names). */
  kind: 'file' | 'query';
  param?: string;
  file?: { dir: string; stem: string; sep: string; ext: string };
}

const sortedQuery = (params: URLSearchParams, drop?: string) => {
  const kept = [...params].filter(([k]) => k !== drop).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(kept).toString();
};

const fileTemplate = (url: URL, f: NonNullable<PageSlot['file']>) => `${url.origin}${f.dir}${f.stem}${f.sep}{n}.${f.ext}?${sortedQuery(url.searchParams)}`;

/** The page slots a URL can fill: a page parameter of its query, a page-numbered file name, or both. */
function pageSlots(url: URL): PageSlot[] {
  const slots: PageSlot[] = [];
  for (const [name, value] of url.searchParams) {
    if (!PAGE_PARAMS.test(name) || !/^\d{1,5}$/.test(value)) continue;
    slots.push({
      template: `${url.origin}${url.pathname}?${sortedQuery(url.searchParams, name)}#${name.toLowerCase()}`,
      n: Number(value),
      kind: 'query',
      param: name,
    });
  }
  const path = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
  const number = NUMBER_FILE.exec(path);
  if (number) {
    const file = { dir: number[1]!, stem: '', sep: '', ext: number[3]!.toLowerCase() };
    slots.push({ template: fileTemplate(url, file), n: Number(number[2]), kind: 'file', file });
    return slots;
  }
  const m = PAGE_FILE.exec(path);
  if (m) {
    const file = { dir: m[1]!, stem: m[2]!, sep: m[3] ?? '_', ext: m[5]!.toLowerCase() };
    slots.push({ template: fileTemplate(url, file), n: m[4] ? Number(m[4]) : 0, kind: 'file', file });
  }
  return slots;
}

/** The slot templates the current page would have, page number absent (the first page has none). */
function currentTemplates(url: URL): Set<string> {
  const out = new Set(pageSlots(url).map((s) => s.template));
  const query = sortedQuery(url.searchParams);
  for (const name of ['page', 'pageno', 'pagenum', 'pageindex', 'curpage', 'currentpage', 'pn', 'p', 'cp', 'page_no', 'cur_page'])
    if (!url.searchParams.has(name)) out.add(`${url.origin}${url.pathname}?${query}#${name}`);
  const at = `${url.origin}${url.pathname}`;
  if (url.pathname.endsWith('/')) {
    // A folder is its index page: its pages may be index_N or N, .html, .htm or .shtml.
    for (const ext of ['html', 'htm', 'shtml', 'jsp']) {
      out.add(`${at}index_{n}.${ext}?${query}`);
      out.add(`${at}{n}.${ext}?${query}`);
    }
  } else {
    const m = /^(.*\/)([^/]+?)\.(s?html?)$/i.exec(url.pathname);
    if (m) {
      // index.html's pages may be index-N too; xxgknb.htm's are xxgknb/N.htm (博达 VSB).
      if (!/[_-]\d{1,4}$/.test(m[2]!)) out.add(`${url.origin}${m[1]}${m[2]}-{n}.${m[3]!.toLowerCase()}?${query}`);
      out.add(`${url.origin}${m[1]}${m[2]}/{n}.${m[3]!.toLowerCase()}?${query}`);
    }
  }
  return out;
}

/** The slot of `link` that numbers a page of the listing `current` is on, if any. */
export function sameListing(link: URL, current: URL): PageSlot | null {
  const templates = currentTemplates(current);
  return pageSlots(link).find((s) => templates.has(s.template)) ?? null;
}

function writePage(slot: PageSlot, n: number, sample: URL): string {
  const url = new URL(sample.href);
  if (slot.kind === 'query') url.searchParams.set(slot.param!, String(n));
  else {
    const f = slot.file!;
    url.pathname = f.stem === '' ? `${f.dir}${n}.${f.ext}` : `${f.dir}${f.stem}${n === 0 ? '' : `${f.sep}${n}`}.${f.ext}`;
  }
  return url.href;
}

/**
 * The gaps between a listing's known pages: pager links show a window (1 2 3 4 5 … 尾页),
 * so the pages from the lowest to the highest number are the listing's. Bounded by `maxPages`.
 */
export function fillPages(links: URL[], current: URL, maxPages: number): string[] {
  const byTemplate = new Map<string, { slot: PageSlot; sample: URL; ns: Set<number> }>();
  for (const link of links) {
    const slot = sameListing(link, current);
    if (!slot) continue;
    const entry = byTemplate.get(slot.template) ?? { slot, sample: link, ns: new Set<number>() };
    entry.ns.add(slot.n);
    byTemplate.set(slot.template, entry);
  }
  const out: string[] = [];
  const here = pageSlots(current);
  for (const { slot, sample, ns } of byTemplate.values()) {
    const numbers = [...ns];
    const high = Math.max(...numbers);
    const low = Math.min(...numbers);
    if (high - low > maxPages) continue; // a pager that says 99999 pages is not filled in
    // Only the missing numbers: the linked pages are listed as linked, and the current page is not another.
    const known = new Set([...ns, ...here.filter((s) => s.template === slot.template).map((s) => s.n)]);
    for (let n = low; n <= high; n++) if (!known.has(n)) out.push(writePage(slot, n, sample));
  }
  return out;
}

/** `var countPage = 5;` and the like: the numbers a pager script is called with by name. */
function scriptNumbers(script: string): Map<string, number> {
  const vars = new Map<string, number>();
  for (const m of script.matchAll(/([A-Za-z_$][\w$]*)\s*=\s*(?:parseInt\(\s*)?["']?(\d{1,6})(?![\d.])/g)) vars.set(m[1]!, Number(m[2]));
  return vars;
}

function splitArgs(args: string): string[] {
  return [...args.matchAll(/"([^"]*)"|'([^']*)'|([^,\s][^,]*)/g)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim());
}

const PAGE_EXT = /^(s?html?|jsp|php|aspx?)$/i;

/**
 * Pages written by a script instead of links. createPageHTML(total, current, prefix, ext) (TRS
 * WCM sites, with or without a leading element id and a trailing record count, numbers given
 * literally or by variable); and scripts that build "prefix_" + i + ".html" next to a page-count
 * variable. Page 0 is prefix.ext, page i is prefix_i.ext, relative to the page's folder.
 */
export function scriptPages(scripts: string[], base: URL, maxPages: number): string[] {
  const all = scripts.join('\n');
  const vars = scriptNumbers(all);
  const out: string[] = [];
  const emit = (total: number, prefix: string, ext: string) => {
    if (!Number.isFinite(total) || total < 2 || !/^[\w.-]*$/.test(prefix)) return;
    const count = Math.min(total, maxPages + 1);
    for (let i = 0; i < count; i++) out.push(new URL(`${prefix}${i === 0 ? '' : `_${i}`}.${ext}`, base).href);
  };

  for (const call of all.matchAll(/createPageHTML\s*\(([^)]*)\)/g)) {
    const args = splitArgs(call[1]!);
    const extAt = args.findIndex((a) => PAGE_EXT.test(a));
    if (extAt < 1) continue;
    const numbers = args.slice(0, extAt - 1).map((a) => (/^\d+$/.test(a) ? Number(a) : vars.get(a)));
    const total = numbers.find((n) => n !== undefined);
    if (total !== undefined) emit(total, args[extAt - 1]!, args[extAt]!);
  }

  if (!out.length) {
    const total = [...vars].find(([name]) =>
      /^(?:count_?page|page_?count|total_?pages?|page_?total|max_?page|page_?num(?:ber)?s|pages_?count|totalpagenum)$/i.test(name),
    )?.[1];
    const concat = /["']([\w-]*)_["']\s*\+\s*[^;"']{1,40}?\+\s*["']\.(s?html?)["']/.exec(all);
    if (total !== undefined && concat) emit(total, concat[1]!, concat[2]!);
  }
  return out;
}

/**
 * Hanweb (大汉) listings: the column page holds the first group of rows (groupSize pages of perPage
 * rows) in its datastore and names the next in <nextgroup> (module/web/jpage/dataproxy.jsp with the
 * column's parameters); the rest come from that address with startrecord/endrecord/perpage. The
 * total is in <totalrecord> or the jpage call's totalRecord. Its page answers the same parameters
 * in a query as in a form.
 */
export function hanwebPages(html: string, scripts: string[], base: URL, maxPages: number): string[] {
  const next = /<nextgroup>\s*<!\[CDATA\[\s*<a\s[^>]*href\s*=\s*["']([^"']*dataproxy[^"']*)["']/i.exec(html);
  if (!next) return [];
  const code = scripts.join('\n');
  const number = (re: RegExp) => {
    const m = re.exec(html) ?? re.exec(code);
    return m ? Number(m[1]) : null;
  };
  const perPage = number(/perPage\s*:\s*["']?(\d{1,4})/i) ?? 15;
  const groupSize = number(/groupSize\s*:\s*["']?(\d{1,3})/i) ?? 3;
  const rows = (html.match(/<record\b/gi) ?? []).length;
  const total = number(/<totalrecord>\s*(\d{1,7})/i) ?? number(/totalRecord\s*:\s*["']?(\d{1,7})/i) ?? (rows >= perPage * groupSize ? rows + 1 : rows);
  const group = Math.max(1, perPage * groupSize);
  let proxy: URL;
  try {
    proxy = new URL(next[1]!.replace(/&amp;/g, '&'), base);
  } catch {
    return [];
  }
  proxy.searchParams.delete('page');
  const out: string[] = [];
  for (let start = group + 1; start <= total && out.length * groupSize < maxPages; start += group) {
    const url = new URL(proxy.href);
    url.searchParams.set('startrecord', String(start));
    url.searchParams.set('endrecord', String(Math.min(start + group - 1, total)));
    url.searchParams.set('perpage', String(perPage));
    out.push(url.href);
  }
  return out;
}
