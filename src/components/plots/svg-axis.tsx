// One axis of a compare plot, numeric (linear or log) or categorical, drawn from the Axis model
// of lib/compare/axis.ts so marks and ticks share one position function.
import { axisPosition, type Axis } from '@/lib/compare/axis.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';
import { fitText, FONT_SIZE, textWidth } from './plot-frame.ts';

/** Category bands narrower than this turn their labels 45° instead of cutting them to a letter. */
const MIN_FLAT_BAND = 48;
/** The longest a slanted label may run below the axis. */
const SLANT_REACH = 90;

interface Tick {
  position: number;
  text: string;
  full: string;
}

function ticksOf(axis: Axis): Tick[] {
  if (axis.kind === 'categorical') {
    return axis.categories.map((c) => ({ position: axisPosition(axis, c) ?? 0, text: c, full: c }));
  }
  return axis.ticks.map((t) => ({ position: axisPosition(axis, t) ?? 0, text: formatMetric(t), full: formatMetric(t) }));
}

function bandWidth(axis: Axis, span: number): number {
  return axis.kind === 'categorical' ? span / Math.max(1, axis.categories.length) : Infinity;
}

/** Whether a bottom axis slants its labels over this span. */
function slanted(axis: Axis, span: number): boolean {
  return axis.kind === 'categorical' && bandWidth(axis, span) < MIN_FLAT_BAND;
}

/** Height a bottom axis needs below the plot area: ticks, (slanted) tick labels and the axis label. */
export function bottomAxisHeight(axis: Axis, span: number): number {
  if (!slanted(axis, span)) return 2 * FONT_SIZE + 20;
  const longest = Math.max(0, ...ticksOf(axis).map((t) => Math.min(textWidth(t.text), SLANT_REACH)));
  return Math.ceil(longest * Math.SQRT1_2) + FONT_SIZE + 28;
}

/** Width a left axis needs beside the plot area for its tick labels (at most `max`) and its label. */
export function leftAxisWidth(axis: Axis, max: number): number {
  const longest = Math.max(0, ...ticksOf(axis).map((t) => textWidth(t.text)));
  return Math.ceil(Math.min(longest, max)) + FONT_SIZE + 22;
}

export interface SvgAxisProps {
  axis: Axis;
  orient: 'bottom' | 'left';
  /** Pixels where the axis' position 0 and 1 fall (for a left axis, start is the bottom). */
  start: number;
  end: number;
  /** The axis line's y (bottom) or x (left). */
  at: number;
  /** Grid lines from each numeric tick across the plot, this long (0: none). */
  gridLength?: number;
  /** Widest a left axis' tick label may be. */
  tickWidth?: number;
}

export function SvgAxis({ axis, orient, start, end, at, gridLength = 0, tickWidth = 120 }: SvgAxisProps) {
  const span = Math.abs(end - start);
  const ticks = ticksOf(axis);
  const px = (p: number) => start + p * (end - start);
  const grid = axis.kind === 'numeric' && gridLength > 0;
  if (orient === 'bottom') {
    const slant = slanted(axis, span);
    const maxWidth = slant ? SLANT_REACH : Math.min(bandWidth(axis, span) - 4, 160);
    return (
      <g className="chart-axis" aria-hidden="true">
        <line className="chart-axis__line" x1={Math.min(start, end)} x2={Math.max(start, end)} y1={at} y2={at} />
        {ticks.map((t, i) => {
          const x = px(t.position);
          return (
            <g key={i} transform={`translate(${x},${at})`}>
              {grid && <line className="chart-axis__grid" y1={0} y2={-gridLength} />}
              <line className="chart-axis__tick" y1={0} y2={5} />
              <text y={slant ? 10 : 17} textAnchor={slant ? 'end' : 'middle'} transform={slant ? 'rotate(-45)' : undefined}>
                {fitText(t.text, maxWidth)}
                {textWidth(t.text) > maxWidth && <title>{t.full}</title>}
              </text>
            </g>
          );
        })}
        <text className="chart-axis__label" x={(start + end) / 2} y={at + bottomAxisHeight(axis, span) - 6} textAnchor="middle">
          {axis.label}
        </text>
      </g>
    );
  }
  return (
    <g className="chart-axis" aria-hidden="true">
      <line className="chart-axis__line" x1={at} x2={at} y1={Math.min(start, end)} y2={Math.max(start, end)} />
      {ticks.map((t, i) => {
        const y = px(t.position);
        return (
          <g key={i} transform={`translate(${at},${y})`}>
            {grid && <line className="chart-axis__grid" x1={0} x2={gridLength} />}
            <line className="chart-axis__tick" x1={0} x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {fitText(t.text, tickWidth)}
              {textWidth(t.text) > tickWidth && <title>{t.full}</title>}
            </text>
          </g>
        );
      })}
      <text
        className="chart-axis__label"
        transform={`translate(${at - leftAxisWidth(axis, tickWidth) + FONT_SIZE},${(start + end) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {axis.label}
      </text>
    </g>
  );
}
