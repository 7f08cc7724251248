// Two params as columns and rows, each cell the mean of a metric over the runs sharing both
// values; combinations no run tried are drawn as empty cells so gaps in a sweep show.
import type { KeyboardEvent } from 'react';
import type { CategoricalAxis } from '@/lib/compare/axis.ts';
import type { GridCell, HeatmapGrid } from '@/lib/compare/heatmap-grid.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';
import { contrastText } from './contrast-text.ts';
import { plotArea, textWidth } from './plot-frame.ts';
import { bottomAxisHeight, leftAxisWidth, SvgAxis } from './svg-axis.tsx';
import './charts.css';

export interface HeatmapProps {
  caption: string;
  xLabel: string;
  yLabel: string;
  grid: HeatmapGrid;
  colorOf(value: number | undefined): string;
  width: number;
  bestIds?: ReadonlySet<string>;
  onCellClick?(cell: GridCell): void;
}

const CELL_HEIGHT = 32;

function cellText(cell: GridCell | undefined): string {
  if (!cell) return '—';
  return cell.value === undefined ? '—' : formatMetric(cell.value);
}

export function Heatmap({ caption, xLabel, yLabel, grid, colorOf, width, bestIds, onCellClick }: HeatmapProps) {
  const xAxis: CategoricalAxis = { kind: 'categorical', id: 'x', label: xLabel, categories: grid.xCategories };
  const yAxis: CategoricalAxis = { kind: 'categorical', id: 'y', label: yLabel, categories: grid.yCategories };
  const left = leftAxisWidth(yAxis, 140);
  const right = 12;
  const rows = grid.yCategories.length;
  const bottom = bottomAxisHeight(xAxis, width - left - right);
  const height = 8 + rows * CELL_HEIGHT + bottom;
  const area = plotArea(width, height, { top: 8, right, bottom, left });
  const cellWidth = (area.x1 - area.x0) / Math.max(1, grid.xCategories.length);
  const byKey = new Map(grid.cells.map((c) => [JSON.stringify([c.x, c.y]), c]));
  const isBest = (cell: GridCell | undefined) => cell !== undefined && bestIds !== undefined && cell.ids.some((id) => bestIds.has(id));
  // The first category sits at the bottom, as on the y axis of the other plots.
  const rowTop = (j: number) => area.y1 - (j + 1) * CELL_HEIGHT;
  const positions = grid.yCategories.flatMap((y, j) =>
    grid.xCategories.map((x, i) => ({ x, y, left: area.x0 + i * cellWidth, top: rowTop(j) })),
  );

  return (
    <figure className="plot chart chart-heatmap">
      <figcaption>{caption}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <SvgAxis axis={xAxis} orient="bottom" start={area.x0} end={area.x1} at={area.y1} />
        <SvgAxis axis={yAxis} orient="left" start={area.y1} end={area.y0} at={area.x0} tickWidth={140} />
        {positions.map(({ x, y, left: cx, top: cy }) => {
          const key = JSON.stringify([x, y]);
          const cell = byKey.get(key);
          const text = cellText(cell);
          const spoken = !cell ? 'no runs' : cell.value === undefined ? 'no value' : text;
          const label = `${xLabel} ${x}, ${yLabel} ${y}: ${spoken}${isBest(cell) ? ', best' : ''}`;
          const fill = cell ? colorOf(cell.value) : undefined;
          const interactive = cell !== undefined && onCellClick !== undefined;
          const onKeyDown = (event: KeyboardEvent) => {
            if (event.key !== 'Enter' && event.key !== ' ') return;
            event.preventDefault();
            if (cell) onCellClick?.(cell);
          };
          return (
            <g
              key={key}
              data-cell={key}
              aria-label={label}
              {...(interactive ? { role: 'button', tabIndex: 0, onClick: () => onCellClick(cell), onKeyDown } : { role: 'img' })}
            >
              <title>{label}</title>
              <rect
                className={cell ? 'chart-heatmap__cell' : 'chart-heatmap__empty'}
                x={cx}
                y={cy}
                width={cellWidth}
                height={CELL_HEIGHT}
                fill={fill}
              />
              {textWidth(text) <= cellWidth - 4 && (
                <text
                  className={cell ? 'chart-heatmap__text' : 'chart-heatmap__empty-text'}
                  x={cx + cellWidth / 2}
                  y={cy + CELL_HEIGHT / 2}
                  dy="0.32em"
                  textAnchor="middle"
                  style={fill && contrastText(fill) ? { fill: contrastText(fill) } : undefined}
                >
                  {text}
                </text>
              )}
            </g>
          );
        })}
        {/* Outlines drawn after every cell, so a neighbour never paints over one. */}
        {positions
          .filter((p) => isBest(byKey.get(JSON.stringify([p.x, p.y]))))
          .map((p) => (
            <rect
              key={`${p.x} ${p.y}`}
              className="chart-heatmap__best"
              aria-hidden="true"
              x={p.left + 1.5}
              y={p.top + 1.5}
              width={Math.max(0, cellWidth - 3)}
              height={CELL_HEIGHT - 3}
            />
          ))}
      </svg>
    </figure>
  );
}
