import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { InvalidQuery } from '@/components/states/invalid-query';
import { SearchUnavailable } from '@/components/states/unavailable';
import { OPEN_DATA_FORMATS, type OpenDataFormat } from '@/lib/opendata/columns';
import { type DictionaryEntry, type DictionaryGroup, dictionary, TYPE_NAMES } from '@/lib/opendata/dictionary';
import { downloadHref } from '@/lib/opendata/download';
import { currentGeneration, type IndexGeneration } from '@/lib/opendata/generation';
import { activeFilters } from '@/lib/search/active-filters';
import { parseSearchParams, type SearchPageProps, type SearchParams, toQueryString, viewFilters } from '@/lib/search/params';
import { SearchUnavailableError, searchReports } from '@/lib/search/queries';
import './data.css';

export const metadata: Metadata = {
  title: '开放数据与数据字典',
  description: '下载全部或任意检索结果中每份政府信息公开年报的全部数字（CSV、JSON Lines、Parquet），每列的中文名、单位及其在报告中的表、行、列。',
};

const FORMATS: Record<OpenDataFormat, { name: string; about: string }> = {
  csv: { name: 'CSV', about: 'UTF-8（带 BOM，Excel 可直接打开），首行为列的键名' },
  jsonl: { name: 'JSON Lines', about: '每行一个 JSON 对象；另含 2019 年以前统计表的各项' },
  parquet: { name: 'Parquet', about: '列式文件，带类型，适合 pandas、R、DuckDB' },
};

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' });

export default async function OpenDataPage({ searchParams }: SearchPageProps) {
  const parsed = parseSearchParams(await searchParams);
  if (!parsed.ok) {
    return <InvalidQuery title="检索条件有误" message={parsed.error} back={{ href: '/data', label: '下载全部数据' }} testId="open-data-invalid" />;
  }
  let total: number;
  let generation: IndexGeneration;
  try {
    [generation, total] = await Promise.all([currentGeneration(), searchReports(viewFilters(parsed.params)).then((r) => r.total)]);
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    return (
      <div className="open-data" data-testid="open-data-page">
        <h1>开放数据</h1>
        <SearchUnavailable />
        <About />
        <Dictionary />
      </div>
    );
  }
  return (
    <div className="open-data" data-testid="open-data-page">
      <h1>开放数据</h1>
      <p className="lead">
        每份收录的年度报告一行，列出报告里的全部数字：主要数字、主动公开分渠道数、表二、表三（每行 × 7 类申请人）、表四的每个单元格，以及收费金额。
        <strong>空单元格表示不知道</strong>（报告没有写，或没有读出来），不是 0。
      </p>
      <Downloads params={parsed.params} total={total} generation={generation} />
      <About />
      <Dictionary />
    </div>
  );
}

function Downloads({ params, total, generation }: { params: SearchParams; total: number; generation: IndexGeneration }) {
  const filters = activeFilters(params, { includeQuery: true });
  const searchHref = `/${toQueryString(viewFilters(params))}`;
  return (
    <section className="open-data__downloads" aria-labelledby="downloads-heading" data-testid="open-data-downloads">
      <h2 id="downloads-heading">{filters.length ? '下载这次检索的数据' : '下载全部数据'}</h2>
      <p>
        {filters.length ? `检索条件：${filters.map((f) => f.label).join('；')}。` : '全部收录的报告。'}共{' '}
        <strong data-testid="open-data-total">{total.toLocaleString('zh-CN')}</strong> 份报告（
        <Link href={searchHref}>在检索页查看</Link>）。
      </p>
      <ul className="open-data__files">
        {OPEN_DATA_FORMATS.map((format) => (
          <li key={format}>
            <a href={downloadHref(format, params, generation.id)} download data-testid={`download-${format}`}>
              下载 {FORMATS[format].name}
            </a>
            <span className="muted">{FORMATS[format].about}</span>
          </li>
        ))}
      </ul>
      <p>
        数据版本 <code data-testid="generation">{generation.id}</code>
        {generation.indexedAt ? `（索引更新于 ${TIME.format(new Date(generation.indexedAt))}）` : ''}。
      </p>
    </section>
  );
}

function About() {
  return (
    <section aria-labelledby="about-heading">
      <h2 id="about-heading">关于这些文件</h2>
      <h3>任意一次检索的数据</h3>
      <p>
        下载链接接受与检索页（<code>/</code>）相同的参数：把检索页地址中 <code>?</code> 后面的部分接在 <code>/api/opendata/reports.csv</code>、
        <code>reports.jsonl</code> 或 <code>reports.parquet</code> 后面，得到的就是这次检索的全部报告；在本页地址后接上同样的参数（如{' '}
        <Link href="/data?province=%E5%B1%B1%E4%B8%9C%E7%9C%81">/data?province=山东省</Link>），上面的链接就换成这次检索的文件。检索页「导出
        CSV」给出的是常用列的简表。
      </p>
      <h3>稳定链接与数据版本</h3>
      <p>
        数据版本由索引中最新的入库时间和报告总数组成，重新索引、增加或删除报告都会让它改变。每个文件的名称和响应头 <code>Nianbao-Generation</code>{' '}
        都写明它来自哪个版本。链接中带上 <code>generation=版本</code> 时，只在该版本仍在提供时返回文件；版本已更新则返回 HTTP 410
        和当前版本的链接，绝不悄悄换成不同的数据。下载过程中索引若发生变化，下载会中断，而不是给出混合两个版本的文件。
      </p>
      <p>
        程序接口见 <Link href="/data/api">API 文档</Link>（OpenAPI 3.1：<a href="/api/openapi.json">/api/openapi.json</a>
        ）；字典的 JSON 版本：<a href="/api/opendata/columns">/api/opendata/columns</a>。
      </p>
    </section>
  );
}

function Dictionary() {
  const groups = dictionary();
  const count = groups.reduce((sum, g) => sum + g.columns.length, 0);
  return (
    <section aria-labelledby="dictionary-heading" data-testid="open-data-dictionary">
      <h2 id="dictionary-heading">数据字典</h2>
      <p>
        共 {count} 列，按文件中的顺序排列。「来源」是数字在报告中的位置：表、行、列；表三、表四按报告中的表格排列，每格是那个数字的键名。表二按 2021 版和 2019
        版模板各有其列，一份报告只填它所用模板的列。
      </p>
      <nav aria-label="数据字典目录">
        <ul className="open-data__toc">
          {groups.map((group) => (
            <li key={group.id}>
              <a href={`#columns-${group.id}`}>{group.title}</a>（{group.columns.length} 列）
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) =>
        isMatrix(group) ? (
          <MatrixGroup key={group.id} group={group} />
        ) : (
          <section key={group.id} aria-labelledby={`columns-${group.id}`} className="open-data__group">
            <h3 id={`columns-${group.id}`}>{group.title}</h3>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable) */}
            <section className="table-scroll" tabIndex={0} aria-label={`${group.title}的列`}>
              <table className="data-table open-data__table" data-testid={`dictionary-${group.id}`}>
                <caption className="visually-hidden">{group.title}：每列的键名、中文名、单位、类型和来源</caption>
                <thead>
                  <tr>
                    <th scope="col">键名</th>
                    <th scope="col">中文名</th>
                    <th scope="col">单位</th>
                    <th scope="col">类型</th>
                    <th scope="col">来源（表 · 行 · 列）</th>
                  </tr>
                </thead>
                <tbody>
                  {group.columns.map((entry) => (
                    <DictionaryRow key={entry.key} entry={entry} />
                  ))}
                </tbody>
              </table>
            </section>
          </section>
        ),
      )}
    </section>
  );
}

/**
 * A table's cells of one unit and type (表三's rows × applicant columns, 表四's groups × outcomes)
 * read best as the table itself: each cell holds the key of that row and column. Also a far
 * smaller page than a row per key (182 rows for 表三).
 */
function isMatrix(group: DictionaryGroup): boolean {
  const [first] = group.columns;
  if (!first || group.columns.length < 10) return false;
  return group.columns.every((c) => c.unit === first.unit && c.type === first.type && c.table === first.table && c.row && c.column && !c.note);
}

function MatrixGroup({ group }: { group: DictionaryGroup }) {
  const [first] = group.columns;
  const rows = [...new Set(group.columns.map((c) => c.row as string))];
  const columns = [...new Set(group.columns.map((c) => c.column as string))];
  const cells = new Map(group.columns.map((c) => [`${c.row}|${c.column}`, c]));
  return (
    <section aria-labelledby={`columns-${group.id}`} className="open-data__group">
      <h3 id={`columns-${group.id}`}>{group.title}</h3>
      <p>
        {group.columns.length} 列，每格是报告中该行、该列那个数字的键名；单位都是{first.unit}，类型都是{TYPE_NAMES[first.type]}。中文名是“行（列）”，如{' '}
        <code>{first.key}</code>：{first.label}。
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable) */}
      <section className="table-scroll" tabIndex={0} aria-label={`${group.title}的列`}>
        <table className="data-table open-data__table open-data__matrix" data-testid={`dictionary-${group.id}`}>
          <caption className="visually-hidden">{group.title}：各行各列数字的键名</caption>
          <thead>
            <tr>
              <th scope="col">行 \ 列</th>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {columns.map((column) => {
                  const entry = cells.get(`${row}|${column}`);
                  return (
                    <td key={column} data-testid="dictionary-cell" data-key={entry?.key}>
                      {entry ? <code>{breakable(entry.key)}</code> : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

/** A key that may wrap after its underscores (and nowhere else) on a narrow screen. */
function breakable(key: string) {
  const parts = key.split(/(?<=_)/);
  // Each part keyed by the key up to it: unique, and the same at every render.
  return parts.map((part, i) => (
    <Fragment key={parts.slice(0, i + 1).join('')}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

function DictionaryRow({ entry }: { entry: DictionaryEntry }) {
  return (
    <tr data-testid="dictionary-row" data-key={entry.key}>
      <th scope="row">
        <code>{breakable(entry.key)}</code>
      </th>
      <td>
        {entry.label}
        {entry.note ? <span className="open-data__note">{entry.note}</span> : null}
        {entry.values ? <span className="open-data__note">取值：{entry.values.join('、')}</span> : null}
        {entry.formats.length < OPEN_DATA_FORMATS.length ? <span className="open-data__note">只在 {entry.formats.join('、')} 中</span> : null}
      </td>
      <td>{entry.unit ?? '—'}</td>
      <td>{TYPE_NAMES[entry.type]}</td>
      <td>{[entry.table, entry.row, entry.column].filter(Boolean).join(' · ')}</td>
    </tr>
  );
}
