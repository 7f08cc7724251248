// One horizontal bar per run: names sit on the left where long run names stay readable however
// many runs there are, and the chart grows downwards with them.
import { buildAxis, axisPosition } from '@/lib/compare/axis.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';
import { fitTextMiddle, plotArea, textWidth } from './plot-frame.ts';
import { bottomAxisHeight, SvgAxis } from './svg-axis.tsx';
import './charts.css';

export interface Bar {
  id: string;
  label: string;
  value: number | undefined;
  color: string;
}

export interface BarChartProps {
  caption: string;
  valueLabel: string;
  bars: readonly Bar[];
  width: number;
  bestIds?: ReadonlySet<string>;
}

const BAR_HEIGHT = 20;
const ROW = BAR_HEIGHT + 8;
const TOP = 8;
const BEST_MARK = ' ★';

function valueText(value: number | undefined): string {
  return value === undefined ? '—' : formatMetric(value);
}

export function BarChart({ caption, valueLabel, bars, width, bestIds }: BarChartProps) {
  const finite = bars.flatMap((b) => (b.value !== undefined && Number.isFinite(b.value) ? [b.value] : []));
  // 0 among the values: bars start at zero, so the axis runs from min(0, min) to max.
  const axis = buildAxis({ id: 'value', label: valueLabel, values: [0, ...finite] });
  const labelWidth = Math.min(Math.max(0, ...bars.map((b) => textWidth(b.label))), width * 0.35, 240);
  const longestValue = Math.max(textWidth('NaN'), ...bars.map((b) => textWidth(valueText(b.value) + BEST_MARK)));
  // Values of negative bars sit left of the bar's end, so room for them is kept left of the plot.
  const negativeRoom = finite.some((v) => v < 0) ? longestValue + 6 : 0;
  const left = labelWidth + 12 + negativeRoom;
  const right = longestValue + 10;
  const height = TOP + bars.length * ROW + bottomAxisHeight(axis, width - left - right);
  const area = plotArea(width, height, { top: TOP, right, bottom: height - TOP - bars.length * ROW, left });
  const x = (value: number) => area.x0 + (axisPosition(axis, value) ?? 0) * (area.x1 - area.x0);
  const zero = x(0);

  return (
    <figure className="plot chart chart-bars">
      <figcaption>{caption}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <SvgAxis axis={axis} orient="bottom" start={area.x0} end={area.x1} at={area.y1} gridLength={area.y1 - area.y0} />
        <line className="chart__zero" x1={zero} x2={zero} y1={area.y0} y2={area.y1} />
        {bars.map((bar, i) => {
          const best = bestIds?.has(bar.id) ?? false;
          const text = valueText(bar.value) + (best ? BEST_MARK : '');
          const y = area.y0 + i * ROW + (ROW - BAR_HEIGHT) / 2;
          const placed = bar.value !== undefined && Number.isFinite(bar.value);
          const end = placed ? x(bar.value as number) : zero;
          const negative = placed && (bar.value as number) < 0;
          return (
            <g
              key={bar.id}
              className={best ? 'chart-bar chart-bar--best' : 'chart-bar'}
              data-run-id={bar.id}
              role="img"
              aria-label={`${bar.label}: ${bar.value === undefined ? 'no value' : valueText(bar.value)}${best ? ', best' : ''}`}
            >
              <text x={labelWidth} y={y + BAR_HEIGHT / 2} dy="0.32em" textAnchor="end">
                {fitTextMiddle(bar.label, labelWidth)}
                <title>{bar.label}</title>
              </text>
              {placed && (
                <rect
                  className="chart-bar__rect"
                  x={Math.min(zero, end)}
                  y={y}
                  width={Math.abs(end - zero)}
                  height={BAR_HEIGHT}
                  fill={bar.color}
                />
              )}
              <text
                className={placed ? 'chart-bar__value' : 'chart-bar__value chart-bar__value--missing'}
                x={negative ? end - 4 : end + 4}
                y={y + BAR_HEIGHT / 2}
                dy="0.32em"
                textAnchor={negative ? 'end' : 'start'}
              >
                {text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
