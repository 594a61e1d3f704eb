import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseReport } from '../../lib/report';
import { detectTemplate } from '../../lib/report/template';

function parseExcerpt(file: string) {
  const text = readFileSync(`test/fixtures/corpus/${file}`, 'utf8');
  return parseReport(text, { fileName: file, format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64), bytes: text.length });
}

const NOTHING = { disclosureShape: null, hasApplicationTable: false, otherProcessedSubRows: false, hasLegacyTable: false } as const;

test('a page cut off before its tables takes the generation of its year', () => {
  // 重庆市大渡口区卫生健康委员会 2025 and 沙坪坝区卫生健康委员会 2020: the excerpts end in 总体情况
  assert.equal(parseExcerpt('web/047.txt').template, '2021');
  assert.equal(parseExcerpt('web/050.txt').template, '2019');
  assert.equal(detectTemplate({ ...NOTHING, text: '一、总体情况', year: 2021 }), '2021');
  assert.equal(detectTemplate({ ...NOTHING, text: '一、总体情况', year: 2020 }), '2019');
  assert.equal(detectTemplate({ ...NOTHING, text: '一、总体情况', year: null }), 'unknown');
});

test('the old outline (概述, 主动公开, 依申请公开 …) is the pre-2019 template, whatever the year', () => {
  // 2019 and 2025 reports that still follow the old outline
  assert.equal(parseExcerpt('web2/033.txt').template, 'pre2019');
  assert.equal(parseExcerpt('web2/029.txt').template, 'pre2019');
  assert.equal(detectTemplate({ ...NOTHING, text: '本报告由概述、主动公开政府信息情况、依申请公开政府信息情况……组成。', year: 2022 }), 'pre2019');
  assert.equal(detectTemplate({ ...NOTHING, text: '一、概述\n二、主动公开政府信息情况', year: 2020 }), 'pre2019');
  // the word alone, in a sentence, is not the outline
  assert.equal(detectTemplate({ ...NOTHING, text: '现将有关情况概述如下', year: 2022 }), '2021');
});

test('tables still decide over the year and the outline', () => {
  assert.equal(detectTemplate({ ...NOTHING, disclosureShape: '2019', text: '本报告由概述、…', year: 2023 }), '2019');
  assert.equal(detectTemplate({ ...NOTHING, hasApplicationTable: true, otherProcessedSubRows: true, text: '', year: 2019 }), '2021');
});
