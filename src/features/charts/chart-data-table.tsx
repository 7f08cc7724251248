// A chart's text alternative: per run, a table of what the chart plots (lib/series/chart-table.ts),
// with a caption saying whether the rows are every logged value or the drawn buckets of a long
// series.
import { useMemo } from 'react';
import { formatMetric } from '../../../contract/display/format-value.ts';
import type { ChartData, XAxisKind } from '@/lib/series/chart-data.ts';
import { chartTable, type ChartTable } from '@/lib/series/chart-table.ts';
import { formatX, xAxisLabel } from './axis-format.ts';

export interface ChartDataTableProps {
  id: string;
  metricKey: string;
  data: ChartData;
  xAxis: XAxisKind;
}

/** A logged value as logged (every digit); NaN and infinities by name. */
const exact = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : Number.isFinite(value) ? String(value) : formatMetric(value);

function caption(metricKey: string, table: ChartTable): string {
  const logged = `${table.logged.toLocaleString('en-US')} logged ${table.logged === 1 ? 'value' : 'values'}`;
  if (!table.decimated) return `${metricKey} of ${table.name}: ${logged}.`;
  return `${metricKey} of ${table.name}: ${logged}, shown as the ${table.rows.length.toLocaleString('en-US')} points the chart draws; each row covers a stretch of the x axis, with the lowest and highest value logged in it. The CSV export has every value.`;
}

export function ChartDataTable({ id, metricKey, data, xAxis }: ChartDataTableProps) {
  const tables = useMemo(() => data.series.map((s) => chartTable(s, data.xDomain)), [data]);
  return (
    <div id={id} className="chart-data">
      {tables.map((table) => {
        const smoothed = table.rows.some((row) => row.smoothed !== undefined);
        const value = !table.decimated || !smoothed;
        return (
          // A wide or long table scrolls inside the card; focusable so a keyboard can scroll it.
          <div
            key={table.runId}
            className="chart-data__scroll"
            role="region"
            aria-label={`Values of ${metricKey} for ${table.name}`}
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
          >
            <table className="data-table chart-data__table">
              <caption>{caption(metricKey, table)}</caption>
              <thead>
                <tr>
                  <th scope="col">{xAxisLabel[xAxis]}</th>
                  {value ? <th scope="col">{table.decimated ? 'Last value' : 'Value'}</th> : null}
                  {smoothed ? <th scope="col">Smoothed</th> : null}
                  {table.decimated ? (
                    <>
                      <th scope="col">Min</th>
                      <th scope="col">Max</th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    <th scope="row">{formatX(xAxis, row.x, row.exactX)}</th>
                    {value ? <td className="cell-number">{exact(row.value)}</td> : null}
                    {smoothed ? <td className="cell-number">{exact(row.smoothed)}</td> : null}
                    {table.decimated ? (
                      <>
                        <td className="cell-number">{exact(row.min)}</td>
                        <td className="cell-number">{exact(row.max)}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
