'use client';

import { type ReactNode, useId, useState } from 'react';
import { SMALL_SAMPLE } from '@/lib/stats/types';
import { type ChartData, cellText, hasData } from '../../lib/charts/chart-data';
import { chartCsv, downloadText } from '../../lib/charts/csv';

/**
 * One chart with what every chart owes its reader: how many reports it rests on (and a warning
 * below SMALL_SAMPLE), a "以表格显示" toggle to a real table of the same data, a CSV download of
 * that data, and an empty state instead of an empty frame.
 */
export function ChartCard({ data, fileLabel, children, note }: { data: ChartData; fileLabel: string; children: ReactNode; note?: ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const empty = !hasData(data);
  const small = data.basis < SMALL_SAMPLE;
  return (
    <section className="chart-card" aria-labelledby={`${id}-title`} data-testid={`chart-${data.id}`} data-rows={data.rows.length}>
      <div className="chart-card__head">
        <h3 id={`${id}-title`}>{data.title}</h3>
      </div>
      <p className="chart-card__basis" data-testid="chart-basis">
        基于{data.basisNote ?? ''} <strong>{data.basis.toLocaleString('zh-CN')}</strong> 份报告
        {small && !empty ? (
          <span className="badge badge--warn" data-testid="small-sample">
            样本较少
          </span>
        ) : null}
      </p>
      {empty ? (
        <p className="chart-empty" data-testid="chart-empty">
          所选范围内的报告没有给出这些数字。
        </p>
      ) : (
        <>
          <div className="chart-card__tools">
            <button
              type="button"
              className="button button--small"
              aria-pressed={asTable}
              aria-controls={`${id}-body`}
              onClick={() => setAsTable((v) => !v)}
              data-testid="chart-toggle"
            >
              {asTable ? '以图表显示' : '以表格显示'}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => downloadText(chartCsv(data), `nianbao-${data.id}${fileLabel ? `-${fileLabel}` : ''}.csv`)}
              data-testid="chart-csv"
            >
              下载 CSV
            </button>
          </div>
          <div id={`${id}-body`}>
            {asTable ? (
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table box must take keyboard focus so keyboard users can scroll it (axe scrollable-region-focusable)
              <section className="table-scroll" tabIndex={0} aria-labelledby={`${id}-caption`}>
                <table className="data-table" data-testid="chart-table">
                  <caption id={`${id}-caption`} className="visually-hidden">
                    {data.title}
                  </caption>
                  <thead>
                    <tr>
                      {data.columns.map((c) => (
                        <th key={c.key} scope="col" className={c.kind === 'label' ? undefined : 'num'}>
                          {c.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => (
                      // The first column is the row's label (its year or region), one per row.
                      <tr key={String(row[data.columns[0].key])}>
                        {data.columns.map((c, j) =>
                          j === 0 ? (
                            <th key={c.key} scope="row">
                              {cellText(c, row[c.key])}
                            </th>
                          ) : (
                            <td key={c.key} className="num">
                              {cellText(c, row[c.key])}
                            </td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : (
              <div className="chart__canvas" role="img" aria-label={`${data.title}（图表；可点“以表格显示”阅读数字）`} data-testid="chart-canvas">
                {children}
              </div>
            )}
          </div>
          {note ? <div className="muted chart-card__note">{note}</div> : null}
        </>
      )}
    </section>
  );
}
