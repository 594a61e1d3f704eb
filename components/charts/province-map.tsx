import Link from 'next/link';
import map from '@/lib/geo/china-map.json';
import { formatShare } from '@/lib/report/rates';
import { MAP_METRICS, type MapMetric } from '@/lib/search/params';
import { classOf, MAP_METRIC_INFO, mapClasses, metricValue } from '@/lib/stats/map';
import type { RegionStats } from '@/lib/stats/types';

/**
 * A province-level choropleth, drawn on the server as SVG (no map code reaches the browser): the
 * outlines come from lib/geo/china-map.json (Apache ECharts 4.9.0's China map with 台湾省 and the
 * 南海诸岛 inset, projected by scripts/build-china-map.ts). Clicking a province follows its link
 * (the same filter the page's own links set). The picture is for the eye; the table under it,
 * with the same links and values, is what screen readers and keyboards use.
 */

/** Sequential blues, light to dark (enough contrast between neighbours, and against the "no data" grey). */
const COLORS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const NO_DATA = '#eeeeee';

function format(metric: MapMetric, value: number | null): string {
  if (value === null) return '无数据';
  if (MAP_METRIC_INFO[metric].share) return formatShare(value);
  return metric === 'reports' ? `${value.toLocaleString('zh-CN')} 份` : `${value.toFixed(1)} 件`;
}

export function ProvinceMap({
  rows,
  metric,
  metricHref,
  provinceHref,
  testId = 'province-map',
}: {
  rows: readonly RegionStats[];
  metric: MapMetric;
  metricHref: (metric: MapMetric) => string;
  provinceHref: (province: string) => string;
  testId?: string;
}) {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const values = map.provinces.map((p) => {
    const row = byName.get(p.name);
    return row ? metricValue(row, metric) : null;
  });
  const classes = mapClasses(values, COLORS.length, metric === 'reports');
  const info = MAP_METRIC_INFO[metric];
  return (
    <section className="province-map chart-card" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`}>分省地图：{info.label}</h2>
      <nav className="view-links province-map__metrics" aria-label="地图指标">
        {MAP_METRICS.map((m) => (
          <Link key={m} href={metricHref(m)} aria-current={m === metric ? 'true' : undefined} data-testid={`map-metric-${m}`}>
            {MAP_METRIC_INFO[m].label}
          </Link>
        ))}
      </nav>
      <svg viewBox={map.viewBox} className="province-map__svg" aria-hidden="true" focusable="false">
        {map.provinces.map((province, i) => {
          const value = values[i] ?? null;
          const klass = classOf(value, classes);
          return (
            <a key={province.name} href={provinceHref(province.name)} tabIndex={-1} data-province={province.name}>
              <path d={province.path} fill={klass < 0 ? NO_DATA : COLORS[klass]} stroke="#ffffff" strokeWidth={0.8}>
                <title>{`${province.name}：${format(metric, value)}`}</title>
              </path>
            </a>
          );
        })}
        <path d={map.nanhai} fill="none" stroke="#57606a" strokeWidth={0.8} />
      </svg>
      <ul className="province-map__legend" aria-label="图例">
        {classes.map((c, i) => (
          <li key={`${c.from}-${c.to}`}>
            <span className="province-map__swatch" style={{ background: COLORS[i] }} />
            {format(metric, c.from)} – {format(metric, c.to)}
          </li>
        ))}
        <li>
          <span className="province-map__swatch" style={{ background: NO_DATA }} />
          无数据
        </li>
      </ul>
      <details className="province-map__table">
        <summary>以表格查看各省数值</summary>
        <table className="data-table" data-testid={`${testId}-table`}>
          <caption className="visually-hidden">各省{info.label}</caption>
          <thead>
            <tr>
              <th scope="col">省份</th>
              <th scope="col" className="num">
                {info.label}
              </th>
            </tr>
          </thead>
          <tbody>
            {map.provinces.map((province, i) => (
              <tr key={province.name}>
                <th scope="row">
                  <Link href={provinceHref(province.name)}>{province.name}</Link>
                </th>
                <td className="num">{format(metric, values[i] ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
