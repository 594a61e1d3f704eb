import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CORPUS_DIR as CORPUS } from '../support/corpus';

export { seedText } from '../support/corpus';

/** The five seed reports with the organization line each one prints. */
export const SEEDS: Array<{ file: string; organization: string; expect: [string, string | null, string, string] }> = [
  { file: '000_e5f7aca6c5b86682.txt', organization: '威海市文登区张家产镇人民政府', expect: ['山东省', '威海市', '文登区', '张家产镇'] },
  { file: '001_19cc13ecf0eb244d.txt', organization: '海原县海城镇人民政府', expect: ['宁夏回族自治区', '中卫市', '海原县', '海城镇'] },
  { file: '002_0ed6c5173e6d400e.txt', organization: '沂源县张家坡镇人民政府', expect: ['山东省', '淄博市', '沂源县', '张家坡镇'] },
  { file: '003_3fbe00e9627bb4eb.txt', organization: '张村镇', expect: ['山东省', '威海市', '环翠区', '张村镇'] },
  { file: '004_767dc66312d8499d.txt', organization: '青州市何官镇人民政府', expect: ['山东省', '潍坊市', '青州市', '何官镇'] },
];

export interface WebLabel {
  file: string;
  url: string;
  title: string | null;
  organization: string | null;
  level: string;
  province: string | null;
  city: string | null;
  county: string | null;
}

export function webLabels(): Array<WebLabel & { text: string }> {
  const dir = join(CORPUS, 'web');
  return readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as WebLabel)
    .map((l) => ({ ...l, text: readFileSync(join(dir, l.file), 'utf8') }));
}

export function corpusFile(name: string): string {
  return readFileSync(join(CORPUS, 'files', name), 'utf8');
}

export async function pdfText(name: string): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(join(CORPUS, 'files', name))));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}
