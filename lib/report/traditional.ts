import * as OpenCC from 'opencc-js/t2cn';

/**
 * Mirror sites re-post reports in traditional characters. The parser reads simplified text,
 * so such text is converted first; simplified text is left untouched (and costs nothing).
 */
const TRADITIONAL_ONLY = /[開資報與會國門這務關區縣鄉鎮時發計處審訴複議總數項條導統實體產結據點歲]/g;

let converter: ((s: string) => string) | null = null;

export function looksTraditional(text: string): boolean {
  const sample = text.slice(0, 3000);
  TRADITIONAL_ONLY.lastIndex = 0;
  let hits = 0;
  while (TRADITIONAL_ONLY.exec(sample) && hits < 12) hits++;
  return hits >= 5 && hits / Math.max(1, sample.length) > 0.002;
}

export function toSimplified(text: string): string {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter(text);
}
