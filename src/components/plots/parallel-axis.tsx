// One vertical axis of the parallel-coordinates plot: label, ticks, the "missing" band under it
// and its brush. Positions run 0 (bottom) → 1 (top).
import { useRef } from 'react';
import { axisPosition, type Axis } from '@/lib/compare/axis.ts';
import { brushFromPositions, brushPositions, type Brush } from '@/lib/compare/brush.ts';
import { formatTick } from '@/lib/compare/format-tick.ts';
import { truncateText } from '@/lib/truncate.ts';
import { useAxisBrush } from './use-axis-brush.ts';

export interface ParallelAxisProps {
  axis: Axis;
  x: number;
  top: number;
  bottom: number;
  /** Where runs without a position on this axis are drawn; undefined when every run has one. */
  missingY: number | undefined;
  /** Characters that fit in the space between two axes. */
  labelChars: number;
  brush: Brush | undefined;
  onBrushChange(axisId: string, brush: Brush | undefined): void;
}

const BRUSH_HALF_WIDTH = 10;
const TICK_LABEL_CHARS = 10;
const MIN_TICK_SPACING = 12;

function Label({ text, max, ...position }: { text: string; max: number; x: number; y: number; className: string; textAnchor?: 'end' }) {
  const shown = truncateText(text, max);
  return (
    <text {...position}>
      {shown.truncated && <title>{text}</title>}
      {shown.text}
    </text>
  );
}

function ticksOf(axis: Axis, height: number): { key: string; position: number; text: string }[] {
  if (axis.kind === 'numeric')
    return axis.ticks.map((t) => ({ key: String(t), position: axisPosition(axis, t) ?? 0, text: formatTick(t) }));
  // Too many categories to label each: every step-th, so that labels never overlap.
  const step = Math.max(1, Math.ceil((axis.categories.length * MIN_TICK_SPACING) / Math.max(height, 1)));
  return axis.categories.flatMap((category, i) =>
    i % step === 0 ? [{ key: category, position: (i + 0.5) / axis.categories.length, text: category }] : [],
  );
}

export function ParallelAxis({ axis, x, top, bottom, missingY, labelChars, brush, onBrushChange }: ParallelAxisProps) {
  const brushRef = useRef<SVGGElement>(null);
  const height = bottom - top;
  const yAt = (position: number) => top + (1 - position) * height;
  const positions = brush && brushPositions(axis, brush);
  useAxisBrush(
    brushRef,
    { x0: x - BRUSH_HALF_WIDTH, y0: top, x1: x + BRUSH_HALF_WIDTH, y1: bottom },
    positions && [yAt(positions[1]), yAt(positions[0])],
    (span) => {
      if (!span || height <= 0) return onBrushChange(axis.id, undefined);
      onBrushChange(axis.id, brushFromPositions(axis, 1 - (span[1] - top) / height, 1 - (span[0] - top) / height));
    },
  );
  return (
    <g className="parallel-coordinates__axis">
      <Label className="parallel-coordinates__axis-label" text={axis.label} max={labelChars} x={x} y={top - 14} />
      <line className="parallel-coordinates__axis-line" x1={x} x2={x} y1={top} y2={bottom} />
      {ticksOf(axis, height).map((tick) => (
        <g key={tick.key} className="parallel-coordinates__tick">
          <line x1={x - 4} x2={x} y1={yAt(tick.position)} y2={yAt(tick.position)} />
          <Label
            className="parallel-coordinates__tick-label"
            text={tick.text}
            max={TICK_LABEL_CHARS}
            x={x - 6}
            y={yAt(tick.position)}
            textAnchor="end"
          />
        </g>
      ))}
      {missingY !== undefined && (
        <g className="parallel-coordinates__missing">
          <line x1={x - 4} x2={x + 4} y1={missingY} y2={missingY} />
          <text x={x - 6} y={missingY} textAnchor="end">
            <title>No value on this axis</title>—
          </text>
        </g>
      )}
      <g ref={brushRef} className="parallel-coordinates__brush" />
    </g>
  );
}
