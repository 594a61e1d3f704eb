import type { Template } from './schema';

/**
 * Which generation of the template a report follows. The table shape decides; without tables,
 * the notice the report cites; without either, old reports are pre2019.
 */
export function detectTemplate(input: {
  disclosureShape: '2021' | '2019' | null;
  hasApplicationTable: boolean;
  otherProcessedSubRows: boolean;
  hasLegacyTable: boolean;
  text: string;
  year: number | null;
}): Template {
  if (input.disclosureShape) return input.disclosureShape;
  if (input.hasLegacyTable) return 'pre2019';
  if (input.hasApplicationTable) return input.otherProcessedSubRows ? '2021' : '2019';
  const flat = input.text.replace(/\s+/g, '');
  if (/〔2021〕30号|\[2021\]30号|【2021】30号|2021〕30|（2021）30号/.test(flat)) return '2021';
  if (/〔2019〕60号|\[2019\]60号|【2019】60号|2019〕60|（2019）60号/.test(flat)) return '2019';
  if (input.year !== null && input.year <= 2018) return 'pre2019';
  if (/本年制发件数|现行有效件数/.test(flat)) return '2021';
  if (/本年新制作数量|对外公开总数量/.test(flat)) return '2019';
  return 'unknown';
}
