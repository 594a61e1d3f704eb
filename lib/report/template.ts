import type { Template } from './schema';

/**
 * Which generation of the template a report follows. The table shape decides; without tables,
 * the notice the report cites; then the old outline (概述 / 主动公开 / 依申请公开 …, the reports
 * before the 2019 format); without any of these (a page cut off before its tables), the generation
 * in use in the report's year: 2019 for 2019–2020, 2021 from 2021 on (DOMAIN.md).
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
  // "本报告由概述、主动公开政府信息情况、依申请公开…组成" or a heading 一、概述: the old outline
  if (/由概述[、，,]|(?:^|[。：:\n])(?:一、|（一）|\(一\)|1[、.])概述/.test(flat)) return 'pre2019';
  if (input.year !== null && input.year >= 2021) return '2021';
  if (input.year !== null && input.year >= 2019) return '2019';
  return 'unknown';
}
