import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOC_ABBREVIATIONS, PROVINCE_DOMAINS, PROVINCE_PREFIXES } from '../../lib/region/abbreviations.ts';
import { AREA_CODES } from '../../lib/region/area-codes.ts';
import { areaCodeTable } from '../../lib/region/clues.ts';
import { getIndex, unitsNamed } from '../../lib/region/data.ts';
import { childrenOf, divisionByCode, resolveRegion } from '../../lib/region/index.ts';
import { splitName } from '../../lib/region/names.ts';
import { STEM_PINYIN } from '../../lib/region/pinyin-data.ts';
import { POSTCODE_EXCEPTIONS, POSTCODE_PROVINCE } from '../../lib/region/postcodes.ts';
import { FORMER_NAMES } from '../../lib/region/renames.ts';

test('area codes: every name is exactly one division; codes are well formed', () => {
  for (const [code, names] of Object.entries(AREA_CODES)) {
    assert.match(code, /^0(?:10|2\d|[3-9]\d{2})$/, code);
    for (const n of names) {
      const units = unitsNamed(n).filter((u) => u.level !== 'township');
      assert.equal(units.length, 1, `${code} ${n}: ${units.map((u) => u.code).join(',')}`);
    }
  }
  assert.equal(areaCodeTable().size, Object.keys(AREA_CODES).length);
  // every prefecture-level unit has an area code (the table is meant to be complete)
  const covered = new Set([...areaCodeTable().values()].flat().map((u) => u.code));
  const provinceWide = new Set(
    [...areaCodeTable().values()]
      .flat()
      .filter((u) => u.level === 'province')
      .map((u) => u.code),
  );
  const missing = childrenOf(null)
    .flatMap((p) => childrenOf(p.code))
    .filter(
      (c) => c.level === 'city' && !covered.has(c.code) && !provinceWide.has(c.code.slice(0, 2)) && !['11', '12', '31', '50'].includes(c.code.slice(0, 2)),
    );
  assert.deepEqual(
    missing.map((c) => c.name),
    [],
    'prefectures without an area code',
  ); // (三沙 is under 0898, province-wide)
});

test('area codes: the examples of the brief', () => {
  const t = areaCodeTable();
  const name = (c: string) =>
    t
      .get(c)
      ?.map((u) => u.name)
      .join(',');
  assert.equal(name('010'), '北京市');
  assert.equal(name('0531'), '济南市');
  assert.equal(name('0532'), '青岛市');
  assert.equal(name('0631'), '威海市');
  assert.equal(name('0533'), '淄博市');
  assert.equal(name('0536'), '潍坊市');
  assert.equal(name('0955'), '中卫市');
  assert.equal(name('0517'), '淮安市');
  assert.equal(name('0577'), '温州市');
  assert.equal(name('020'), '广州市');
});

test('postcodes: every province has a prefix; exceptions point to real units', () => {
  const idx = getIndex();
  const provinces = new Set(Object.values(POSTCODE_PROVINCE));
  for (const p of idx.provinces) assert.ok(provinces.has(p.code), `${p.name} has no postcode prefix`);
  for (const code of Object.values(POSTCODE_PROVINCE)) assert.ok(idx.byCode.get(code), code);
  for (const code of Object.values(POSTCODE_EXCEPTIONS)) assert.ok(idx.byCode.get(code), code);
  const pc = (p: string) => resolveRegion({ text: `邮编：${p}` }).province;
  assert.equal(pc('264400'), '山东省');
  assert.equal(pc('755200'), '宁夏回族自治区');
  assert.equal(pc('223100'), '江苏省');
  assert.equal(pc('850000'), '西藏自治区');
});

test('former-name table: every entry resolves', () => {
  for (const [former, path] of Object.entries(FORMER_NAMES)) {
    const [p, c, a] = path.split('/');
    // 清河区 and 双桥区 also exist today (铁岭, 承德): those need the context of the report
    const current = unitsNamed(former).length > 0;
    const r = resolveRegion({ organization: `${former}人民政府`, text: current ? `${p}${c}${former}` : '' });
    assert.equal(r.province, p, former);
    assert.equal(r.formerName, former, `${former}: ${r.evidence.join('; ')}`);
    if (a) assert.equal(r.county, a, former);
    else assert.equal(r.city, c, former);
  }
});

test('province abbreviations and domains point to provinces', () => {
  const idx = getIndex();
  for (const code of [...Object.values(DOC_ABBREVIATIONS), ...Object.values(PROVINCE_DOMAINS), ...Object.values(PROVINCE_PREFIXES).flat()]) {
    assert.equal(idx.byCode.get(code)?.level, 'province', code);
  }
});

test('pinyin data covers every province, prefecture and county of the list', () => {
  const idx = getIndex();
  const have = new Set(STEM_PINYIN.split('|').map((e) => e.slice(0, e.indexOf(':'))));
  const missing = [...idx.byCode.values()].filter((u) => !u.pseudo && !have.has(u.code)).map((u) => u.code + u.name);
  assert.deepEqual(missing, [], 'rerun: npx tsx scripts/build-pinyin.ts');
  assert.ok(STEM_PINYIN.includes('|371003:wen deng|'));
  assert.ok(STEM_PINYIN.includes('|61:shaan xi|'));
});

test('name splitting: stems and suffixes', () => {
  assert.deepEqual(splitName('化隆回族自治县', 'county'), { stem: '化隆', suffix: '回族自治县', shortSuffix: '县' });
  assert.deepEqual(splitName('恩施土家族苗族自治州', 'city'), { stem: '恩施', suffix: '土家族苗族自治州', shortSuffix: '州' });
  assert.deepEqual(splitName('巴音郭楞蒙古自治州', 'city'), { stem: '巴音郭楞', suffix: '蒙古自治州', shortSuffix: '州' });
  assert.equal(splitName('内蒙古自治区', 'province').stem, '内蒙古');
  assert.equal(splitName('新疆维吾尔自治区', 'province').stem, '新疆');
  assert.equal(splitName('鄂伦春自治旗', 'county').stem, '鄂伦春');
  assert.equal(splitName('文登区', 'county').stem, '文登');
  assert.equal(splitName('喀什地区', 'city').stem, '喀什');
  assert.equal(splitName('雄先藏族乡', 'township').stem, '雄先');
  assert.equal(splitName('清水镇', 'township').stem, '清水'); // 水 is also a nationality: not split as 清 + 水镇
  assert.equal(splitName('富县', 'county').stem, null); // one-character stems are never used
});

test('divisionByCode / childrenOf: the logical tree', () => {
  assert.deepEqual(divisionByCode('371003102'), { code: '371003102', name: '张家产镇', level: 'township', parentCode: '371003' });
  assert.deepEqual(divisionByCode('371003'), { code: '371003', name: '文登区', level: 'county', parentCode: '3710' });
  assert.deepEqual(divisionByCode('3710'), { code: '3710', name: '威海市', level: 'city', parentCode: '37' });
  assert.deepEqual(divisionByCode('37'), { code: '37', name: '山东省', level: 'province', parentCode: null });
  assert.deepEqual(divisionByCode('110105'), { code: '110105', name: '朝阳区', level: 'county', parentCode: '11' });
  assert.deepEqual(divisionByCode('419001'), { code: '419001', name: '济源市', level: 'county', parentCode: '41' });
  assert.equal(divisionByCode('441900121')?.parentCode, '4419'); // 东莞's towns sit under the prefecture
  assert.equal(divisionByCode('1101'), null); // 市辖区: dropped
  assert.equal(divisionByCode('441900'), null); // 东莞市's pseudo-county: dropped
  assert.equal(divisionByCode('999999'), null);

  const provinces = childrenOf(null);
  assert.equal(provinces.length, 31);
  assert.ok(provinces.every((p) => p.level === 'province' && p.code.length === 2));
  const beijing = childrenOf('11');
  assert.equal(beijing.length, 16);
  assert.ok(beijing.every((c) => c.level === 'county'));
  const henan = childrenOf('41');
  assert.ok(henan.some((c) => c.name === '济源市' && c.level === 'county'));
  assert.equal(henan.filter((c) => c.level === 'city').length, 17);
  assert.ok(childrenOf('4419').every((c) => c.level === 'township'));
  assert.ok(childrenOf('371003').some((c) => c.name === '张家产镇'));
  assert.deepEqual(childrenOf('371003102'), []);
  // the tree holds every division once: 31 + 333 real prefectures + counties + 41,352 townships
  let n = 0;
  const walk = (code: string | null) => {
    for (const c of childrenOf(code)) {
      n++;
      walk(c.code);
    }
  };
  walk(null);
  assert.ok(n > 44000, `${n}`);
});
