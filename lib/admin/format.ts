/** Small display helpers shared by the admin pages (server and client). */

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} 毫秒`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} 秒`;
  return `${Math.floor(seconds / 60)} 分 ${Math.round(seconds % 60)} 秒`;
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export const MODE_LABELS = { full: '全量重建', incremental: '增量', harvest: '采集' } as const;

/** Failure reasons come from the indexer in English; a short Chinese gloss helps the common ones. */
export function describeReason(reason: string): string {
  if (/^unsupported format/.test(reason)) return `不支持的格式（${reason}）`;
  if (/^empty|no text/.test(reason)) return `没有可读的文字（${reason}）`;
  if (/^not a report|no report/.test(reason)) return `看起来不是年度报告（${reason}）`;
  return reason;
}
