// The compared runs side by side: one column per run (up to 500, only those in view drawn),
// one row per param, metric and tag, the key column sticky at the left. What the rows are, which
// differ and which value is best is the model's (src/lib/compare/compare-rows.ts); this only draws.
import { useRef } from 'react';
import type { Run } from '@/api/runs.ts';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { useViewOptions } from '@/config/view-options.ts';
import type { BestDirection } from '@/lib/compare/best-direction.ts';
import type { CompareModel, MetricRow, TextRow } from '@/lib/compare/compare-rows.ts';
import { CompareMetricValue } from './compare-metric-value.tsx';
import { CompareRow, runColIndex } from './compare-row.tsx';
import { CompareSection } from './compare-section.tsx';
import { CompareTableHeader } from './compare-table-header.tsx';
import { CompareTextValue } from './compare-text-value.tsx';
import { DirectionToggle } from './direction-toggle.tsx';
import { KEY_COLUMN_WIDTH, RUN_COLUMN_WIDTH, useColumnVirtualizer, type ColumnWindow } from './use-column-virtualizer.ts';
import './compare-table.css';

export interface CompareTableProps {
  /** The columns, in this order. */
  runs: readonly Run[];
  /** runId → swatch colour, the same as the charts' lines. */
  colors: ReadonlyMap<string, string>;
  model: CompareModel;
  onDirectionChange(metricKey: string, direction: BestDirection): void;
}

const differsClass = (differs: boolean) => (differs ? 'compare-table__differs' : undefined);

function textRows(rows: readonly TextRow[], runs: readonly Run[], columns: ColumnWindow) {
  return rows.map((row) => (
    <CompareRow
      key={row.key}
      columns={columns}
      className={differsClass(row.differs)}
      header={
        <th scope="row" className="compare-table__key" aria-colindex={1}>
          <TruncatedText text={row.key} max={300} />
        </th>
      }
      cell={(index) => (
        <td key={runs[index]?.runId ?? index} aria-colindex={runColIndex(index)}>
          <CompareTextValue value={row.display[index]} />
        </td>
      )}
    />
  ));
}

function metricRows(
  rows: readonly MetricRow[],
  runs: readonly Run[],
  columns: ColumnWindow,
  onDirectionChange: CompareTableProps['onDirectionChange'],
) {
  return rows.map((row) => (
    <CompareRow
      key={row.key}
      columns={columns}
      className={differsClass(row.differs)}
      header={
        // Named by the key alone: the toggle inside is a control, not part of the heading each cell is read with.
        <th scope="row" className="compare-table__key" aria-colindex={1} aria-label={row.key}>
          <TruncatedText text={row.key} max={300} />
          <DirectionToggle metricKey={row.key} direction={row.direction} onChange={onDirectionChange} />
        </th>
      }
      cell={(index) => {
        const best = row.best[index] === true;
        return (
          <td
            key={runs[index]?.runId ?? index}
            aria-colindex={runColIndex(index)}
            className={best ? 'compare-table__metric compare-table__best' : 'compare-table__metric'}
            title={best ? 'best' : undefined}
          >
            <CompareMetricValue latest={row.latest[index]} min={row.min[index]} max={row.max[index]} best={best} />
          </td>
        );
      }}
    />
  ));
}

export function CompareTable({ runs, colors, model, onDirectionChange }: CompareTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Render mode draws every column: a screenshot shows the whole table.
  const { render } = useViewOptions();
  const columns = useColumnVirtualizer(scrollRef, runs.length, !render);
  const { params, metrics, tags, totals } = model;
  return (
    <div className="compare-table-scroll" ref={scrollRef}>
      <table className="data-table compare-table" style={{ width: columns.totalWidth }} aria-colcount={runs.length + 1}>
        <colgroup>
          <col style={{ width: KEY_COLUMN_WIDTH }} />
          {columns.padStart > 0 ? <col style={{ width: columns.padStart }} /> : null}
          {columns.shown.map((index) => (
            <col key={runs[index]?.runId ?? index} style={{ width: RUN_COLUMN_WIDTH }} />
          ))}
          {columns.padEnd > 0 ? <col style={{ width: columns.padEnd }} /> : null}
        </colgroup>
        <CompareTableHeader runs={runs} colors={colors} columns={columns} />
        {totals.params > 0 ? (
          <CompareSection title="Parameters" shown={params.length} total={totals.params} columns={columns}>
            {textRows(params, runs, columns)}
          </CompareSection>
        ) : null}
        {totals.metrics > 0 ? (
          <CompareSection title="Metrics" shown={metrics.length} total={totals.metrics} columns={columns}>
            {metricRows(metrics, runs, columns, onDirectionChange)}
          </CompareSection>
        ) : null}
        {totals.tags > 0 ? (
          <CompareSection title="Tags" shown={tags.length} total={totals.tags} columns={columns}>
            {textRows(tags, runs, columns)}
          </CompareSection>
        ) : null}
      </table>
    </div>
  );
}
