// Runs as points on two compare axes (numeric, log or categorical). Runs a plot cannot place
// are counted beneath it rather than dropped silently or drawn at a made-up position.
import { axisPosition, type Axis } from '@/lib/compare/axis.ts';
import type { AxisValue } from '@/lib/compare/types.ts';
import { formatAxisValue, jitter, plotArea } from './plot-frame.ts';
import { bottomAxisHeight, leftAxisWidth, SvgAxis } from './svg-axis.tsx';
import './charts.css';

export interface ScatterPoint {
  id: string;
  label: string;
  x: AxisValue;
  y: AxisValue;
  color: string;
}

export interface ScatterPlotProps {
  caption: string;
  x: Axis;
  y: Axis;
  points: readonly ScatterPoint[];
  width: number;
  height?: number;
}

const RADIUS = 5;

interface Placed {
  point: ScatterPoint;
  cx: number;
  cy: number;
}

export function ScatterPlot({ caption, x, y, points, width, height = 320 }: ScatterPlotProps) {
  const left = leftAxisWidth(y, 120);
  const right = 16;
  const area = plotArea(width, height, { top: 12, right, bottom: bottomAxisHeight(x, width - left - right), left });
  const placed: Placed[] = [];
  // On a categorical x axis many runs share a spot (one param value, one score): they spread
  // across part of their band, by their index in that spot, so each stays visible and hoverable.
  const seen = new Map<string, number>();
  const band = x.kind === 'categorical' ? (area.x1 - area.x0) / Math.max(1, x.categories.length) : 0;
  for (const point of points) {
    const px = axisPosition(x, point.x);
    const py = axisPosition(y, point.y);
    if (px === undefined || py === undefined) continue;
    const key = `${px} ${py}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    const dx = index === 0 ? 0 : jitter(index) * band * 0.6;
    placed.push({ point, cx: area.x0 + px * (area.x1 - area.x0) + dx, cy: area.y1 - py * (area.y1 - area.y0) });
  }
  const hidden = points.length - placed.length;

  return (
    <figure className="plot chart chart-scatter">
      <figcaption>{caption}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <SvgAxis axis={x} orient="bottom" start={area.x0} end={area.x1} at={area.y1} gridLength={area.y1 - area.y0} />
        <SvgAxis axis={y} orient="left" start={area.y1} end={area.y0} at={area.x0} gridLength={area.x1 - area.x0} />
        {placed.map(({ point, cx, cy }) => (
          <circle
            key={point.id}
            className="chart-scatter__point"
            data-run-id={point.id}
            role="img"
            aria-label={`${point.label}: ${x.label} ${formatAxisValue(point.x)}, ${y.label} ${formatAxisValue(point.y)}`}
            cx={cx}
            cy={cy}
            r={RADIUS}
            fill={point.color}
          >
            <title>{point.label}</title>
          </circle>
        ))}
      </svg>
      {hidden > 0 && (
        <p className="chart__note">
          {hidden === 1 ? '1 run without a value on these axes is not shown' : `${hidden} runs without a value on these axes are not shown`}
        </p>
      )}
    </figure>
  );
}
