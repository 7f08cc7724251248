// Parallel coordinates: one vertical axis per dimension, one polyline per run. Brushing an axis
// filters the runs; the brushes are props (the URL owns them), and runs outside are dimmed, not
// hidden, so the filtered-out shape stays visible.
import { useMemo } from 'react';
import { axisPosition, type Axis } from '@/lib/compare/axis.ts';
import { matchesBrushes, type Brush, type Brushes } from '@/lib/compare/brush.ts';
import type { ColorScale } from '@/lib/compare/color-scale.ts';
import type { AxisValue } from '@/lib/compare/types.ts';
import { ColorLegend } from './color-legend.tsx';
import { ParallelAxis } from './parallel-axis.tsx';
import './plots.css';

export interface ParallelLine {
  id: string;
  label: string;
  color: string;
  /** One per axis. */
  values: readonly AxisValue[];
}

export interface ParallelCoordinatesProps {
  /** Names the plot's kind and axes, e.g. "Parallel coordinates of C and kernel, coloured by score". */
  caption: string;
  axes: readonly Axis[];
  lines: readonly ParallelLine[];
  brushes: Brushes;
  onBrushChange(axisId: string, brush: Brush | undefined): void;
  /** Measured by the parent. */
  width: number;
  height?: number;
  legend?: { label: string; scale: ColorScale };
}

const MARGIN = { top: 34, right: 40, bottom: 34, left: 64 };
/** The "missing" band sits this far under the axes' bottom. */
const MISSING_GAP = 20;
const CHAR_WIDTH = 7;

const hasBrush = (brushes: Brushes, axis: Axis) => Object.hasOwn(brushes, axis.id);
// Tenths of a pixel: the same picture with a smaller DOM than full doubles.
const round = (n: number) => Math.round(n * 10) / 10;

function useLayout(axes: readonly Axis[], lines: readonly ParallelLine[], width: number, height: number) {
  return useMemo(() => {
    const top = MARGIN.top;
    const bottom = Math.max(top, height - MARGIN.bottom - MISSING_GAP);
    const inner = Math.max(0, width - MARGIN.left - MARGIN.right);
    const xs = axes.map((_, i) => MARGIN.left + (axes.length > 1 ? (i * inner) / (axes.length - 1) : inner / 2));
    const spacing = axes.length > 1 ? inner / (axes.length - 1) : inner;
    const positions = lines.map((line) => axes.map((axis, i) => axisPosition(axis, line.values[i])));
    const missing = axes.map((_, i) => positions.some((row) => row[i] === undefined));
    const missingY = bottom + MISSING_GAP;
    const paths = positions.map((row) =>
      row
        .map((p, i) => `${i ? 'L' : 'M'}${round(xs[i] ?? 0)},${round(p === undefined ? missingY : top + (1 - p) * (bottom - top))}`)
        .join(''),
    );
    return { top, bottom, xs, missing, missingY, paths, labelChars: Math.max(4, Math.floor(spacing / CHAR_WIDTH)) };
  }, [axes, lines, width, height]);
}

export function ParallelCoordinates({
  caption,
  axes,
  lines,
  brushes,
  onBrushChange,
  width,
  height = 320,
  legend,
}: ParallelCoordinatesProps) {
  const layout = useLayout(axes, lines, width, height);
  const selected = useMemo(() => lines.map((line) => matchesBrushes(axes, brushes, line.values)), [axes, brushes, lines]);
  const matching = selected.filter(Boolean).length;
  // In the runs' order, whatever is brushed: reordering 500 paths on every brush moved half of
  // them in the DOM. A dimmed line drawn over a selected one is 12% opaque and barely shows.
  const drawn = lines.map((line, i) => ({ line, d: layout.paths[i], matches: selected[i] ?? true }));
  const brushed = axes.filter((axis) => hasBrush(brushes, axis));
  return (
    <figure className="parallel-coordinates">
      <figcaption>{caption}</figcaption>
      {legend && <ColorLegend label={legend.label} scale={legend.scale} />}
      <svg className="parallel-coordinates__svg" width={width} height={height} role="group" aria-label={caption}>
        <g className="parallel-coordinates__lines">
          {drawn.map(({ line, d, matches }) => (
            <path
              key={line.id}
              role="img"
              data-run-id={line.id}
              aria-label={line.label}
              className={`parallel-coordinates__line parallel-coordinates__line--${matches ? 'selected' : 'dimmed'}`}
              d={d}
              stroke={line.color}
            />
          ))}
        </g>
        {axes.map((axis, i) => (
          <ParallelAxis
            key={axis.id}
            axis={axis}
            x={layout.xs[i] ?? 0}
            top={layout.top}
            bottom={layout.bottom}
            missingY={layout.missing[i] ? layout.missingY : undefined}
            labelChars={layout.labelChars}
            brush={hasBrush(brushes, axis) ? brushes[axis.id] : undefined}
            onBrushChange={onBrushChange}
          />
        ))}
      </svg>
      <p className="parallel-coordinates__status" role="status" aria-live="polite">
        {`${matching} of ${lines.length} runs match the filters`}
      </p>
      {brushed.length > 0 && (
        <div className="parallel-coordinates__filters">
          {brushed.map((axis) => (
            <button key={axis.id} type="button" onClick={() => onBrushChange(axis.id, undefined)}>
              Clear filter on {axis.label}
            </button>
          ))}
        </div>
      )}
    </figure>
  );
}
