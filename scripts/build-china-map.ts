/**
 * npx tsx scripts/build-china-map.ts — writes lib/geo/china-map.json, the province outlines the
 * maps on /stats and /coverage draw, as SVG paths already projected and simplified (no map code
 * and no geometry library reach a browser or the server at run time).
 *
 * Source: Apache ECharts 4.9.0 (Apache License 2.0), `echarts/map/json/china.json` (the 34
 * province-level units: the 31 provinces, autonomous regions and municipalities, 台湾省, 香港 and
 * 澳门) and its 南海诸岛 inset (`echarts/lib/coord/geo/fix/nanhai.js`, the schematic box of the
 * islands that maps published in China show). Projected with d3-geo (ISC), an Albers conic
 * equal-area projection centred on China.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoConicEqualArea, geoEquirectangular, geoPath } from 'd3-geo';

const require = createRequire(import.meta.url);
const OUT = fileURLToPath(new URL('../lib/geo/china-map.json', import.meta.url));
const WIDTH = 800;
const HEIGHT = 600;

type Ring = Array<[number, number]>;
interface EncodedFeature {
  properties: { name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[]; encodeOffsets: unknown[] };
}

/** ECharts' compact coordinates (zig-zag deltas in UTF-16 code units), as its parseGeoJson decodes them. */
function decodeRing(encoded: string, offsets: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let [x, y] = offsets;
  for (let i = 0; i < encoded.length; i += 2) {
    let dx = encoded.charCodeAt(i) - 64;
    let dy = encoded.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** Province names as the index stores them (lib/region's full names). */
const FULL_NAMES: Record<string, string> = {
  北京: '北京市',
  天津: '天津市',
  上海: '上海市',
  重庆: '重庆市',
  河北: '河北省',
  山西: '山西省',
  辽宁: '辽宁省',
  吉林: '吉林省',
  黑龙江: '黑龙江省',
  江苏: '江苏省',
  浙江: '浙江省',
  安徽: '安徽省',
  福建: '福建省',
  江西: '江西省',
  山东: '山东省',
  河南: '河南省',
  湖北: '湖北省',
  湖南: '湖南省',
  广东: '广东省',
  海南: '海南省',
  四川: '四川省',
  贵州: '贵州省',
  云南: '云南省',
  陕西: '陕西省',
  甘肃: '甘肃省',
  青海: '青海省',
  台湾: '台湾省',
  内蒙古: '内蒙古自治区',
  广西: '广西壮族自治区',
  西藏: '西藏自治区',
  宁夏: '宁夏回族自治区',
  新疆: '新疆维吾尔自治区',
  香港: '香港特别行政区',
  澳门: '澳门特别行政区',
};

/** Drops points closer than `tolerance` to the last one kept: enough for a map a few hundred pixels wide. */
function simplifyPath(d: string, tolerance: number): string {
  return d.replace(/M([^Z]+)Z/g, (_ring, body: string) => {
    const points = body.split('L').map((p) => p.split(',').map(Number) as [number, number]);
    const kept: Array<[number, number]> = [];
    for (const point of points) {
      const last = kept[kept.length - 1];
      if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= tolerance) kept.push(point);
    }
    if (kept.length < 3) return '';
    return `M${kept.map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join('L')}Z`;
  });
}

const china = JSON.parse(readFileSync(require.resolve('echarts/map/json/china.json'), 'utf8')) as { UTF8Scale?: number; features: EncodedFeature[] };
const scale = china.UTF8Scale ?? 1024;
const features = china.features.map((feature) => {
  const { type, coordinates, encodeOffsets } = feature.geometry;
  const rings =
    type === 'Polygon'
      ? [(coordinates as string[]).map((c, i) => decodeRing(c, (encodeOffsets as Array<[number, number]>)[i]!, scale))]
      : (coordinates as string[][]).map((polygon, i) => polygon.map((c, j) => decodeRing(c, (encodeOffsets as Array<Array<[number, number]>>)[i]![j]!, scale)));
  // d3-geo reads rings on the sphere: a ring wound the other way is the whole world but the province.
  for (const polygon of rings) {
    if (geoArea({ type: 'Polygon', coordinates: polygon }) > 2 * Math.PI) for (const ring of polygon) ring.reverse();
  }
  const name = FULL_NAMES[feature.properties.name];
  if (!name) throw new Error(`unknown province in china.json: ${feature.properties.name}`);
  return { type: 'Feature' as const, properties: { name }, geometry: { type: 'MultiPolygon' as const, coordinates: rings } };
});

// The 南海诸岛 inset, as ECharts draws it: schematic islands and their box, placed east of Taiwan.
const nanhaiSource = readFileSync(path.join(path.dirname(require.resolve('echarts/package.json')), 'lib/coord/geo/fix/nanhai.js'), 'utf8');
const anchor = JSON.parse(/var geoCoord = (\[[^\]]+\]);/.exec(nanhaiSource)![1]!) as [number, number];
const nanhaiPoints = JSON.parse(/var points = (\[\[\[[\s\S]*?\]\]\]);/.exec(nanhaiSource)![1]!) as Ring[];
const nanhai = nanhaiPoints.map((ring) => {
  const placed = ring.map(([x, y]): [number, number] => [x / 10.5 + anchor[0], y / (-10.5 / 0.75) + anchor[1]]);
  return geoArea({ type: 'Polygon', coordinates: [placed] }) > 2 * Math.PI ? placed.reverse() : placed;
});

const collection = { type: 'FeatureCollection' as const, features };
const projection = geoConicEqualArea()
  .parallels([25, 47])
  .rotate([-105, 0])
  .fitExtent(
    [
      [10, 10],
      [WIDTH - 10, HEIGHT - 10],
    ],
    collection,
  );
const draw = geoPath(projection).digits(1);
const provinces = features.map((feature) => ({ name: feature.properties.name, path: simplifyPath(draw(feature) ?? '', 2.2) }));
// The inset in its own box in the bottom-right corner, as printed maps place it (upright: a plain projection).
const insetFeature = { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPolygon' as const, coordinates: nanhai.map((ring) => [ring]) } };
const insetProjection = geoEquirectangular().fitExtent(
  [
    [WIDTH - 95, HEIGHT - 135],
    [WIDTH - 12, HEIGHT - 12],
  ],
  insetFeature,
);
const inset = simplifyPath(geoPath(insetProjection).digits(1)(insetFeature) ?? '', 0.3);

writeFileSync(
  OUT,
  `${JSON.stringify({
    source:
      'Apache ECharts 4.9.0 (Apache License 2.0): map/json/china.json and the 南海诸岛 inset of lib/coord/geo/fix/nanhai.js; projected with d3-geo by scripts/build-china-map.ts',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    provinces,
    nanhai: inset,
  })}\n`,
);
console.log(`wrote ${OUT}: ${provinces.length} provinces, ${(readFileSync(OUT).length / 1024).toFixed(0)} KB`);
