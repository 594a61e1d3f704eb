import { squash, squashedLines, textLines, tokenizeTable } from './text';

export interface LegacyStatistic {
  label: string;
  unit: string | null;
  value: number | null;
}

const UNITS = new Set(['条', '件', '次', '个', '人', '万元', '元', '篇', '期', '份', '人次', '项', '场', '家']);

/**
 * The pre-2019 统计表: rows of 统计指标 · 单位 · 统计数, in whatever layout.
 * Returns null when the report has no such table.
 */
export function parseLegacyTable(text: string): LegacyStatistic[] | null {
  const lines = textLines(text);
  const start = squashedLines(text).findIndex((l) => /统计指标|工作情况统计表|信息公开.{0,6}统计表/.test(l));
  if (start < 0) return null;
  const regionText = lines.slice(start, start + 400).join('\n');
  const tokens = tokenizeTable(regionText);
  const rows: LegacyStatistic[] = [];
  let label = '';
  let unit: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'text') {
      const s = squash(t.text);
      if (!s) continue;
      if (UNITS.has(s) && label) {
        if (unit !== null) {
          rows.push({ label, unit, value: null });
          label = '';
        }
        unit = s;
        continue;
      }
      if (unit !== null) {
        // A unit with no figure after it: the cell was left empty.
        rows.push({ label, unit, value: null });
        label = '';
        unit = null;
      }
      label += s;
      continue;
    }
    if (label) {
      rows.push({ label: label.replace(/^统计指标单位统计数/, ''), unit, value: t.value });
      label = '';
      unit = null;
    }
  }
  return rows.length >= 3 ? rows : null;
}

/** The figures people ask about, picked from the 统计表 by their row words. */
export function legacyFigures(rows: LegacyStatistic[]) {
  const find = (re: RegExp, from = 0) => rows.slice(from).find((r) => re.test(r.label));
  const index = (re: RegExp) => rows.findIndex((r) => re.test(r.label));
  const review = index(/行政复议数量|行政复议/);
  const lawsuit = index(/行政诉讼数量|行政诉讼/);
  return {
    proactiveTotal: find(/主动公开政府信息数|主动公开信息数/)?.value ?? null,
    website: find(/政府网站公开|网站公开政府信息数/)?.value ?? null,
    weibo: find(/微博公开/)?.value ?? null,
    wechat: find(/微信公开/)?.value ?? null,
    gazette: find(/政府公报公开|公报公开/)?.value ?? null,
    other: find(/其他方式公开/)?.value ?? null,
    applications: find(/收到申请数|申请总数|受理申请/)?.value ?? null,
    reconsiderations: review >= 0 ? rows[review].value : null,
    reconsiderationsCorrected: review >= 0 ? (find(/纠错|纠正/, review + 1)?.value ?? null) : null,
    lawsuits: lawsuit >= 0 ? rows[lawsuit].value : null,
    lawsuitsCorrected: lawsuit >= 0 ? (find(/纠错|纠正/, lawsuit + 1)?.value ?? null) : null,
    fees: find(/收取的费用|收费/)?.value ?? null,
  };
}
