// A chart's data marks, drawn inside recharts' surface (its axes, grid and layout stay
// recharts'): per run a faint min/max band (so a spike is never lost between samples) and a
// line through it, as one path each (lib/series/chart-paths.ts), clipped to the plot area.
// recharts' own Line and Area were the page's longest tasks on long histories
// (docs/charts-performance.md). Class names are recharts' own, which exports, tests and the
// bench look for.
import { useId, useMemo } from 'react';
import { usePlotArea } from 'recharts';
import type { ChartData } from '@/lib/series/chart-data.ts';
import { bandPath, linePath, type Scale } from '@/lib/series/chart-paths.ts';
import type { YScale } from '@/lib/series/y-domain.ts';

export interface MetricMarksProps {
  data: ChartData;
  yScale: YScale;
  /** Series with at most this many points also get a dot per point. */
  dotsUpTo: number;
}

/** The axes' scales: the same domains recharts is given, over the plot area it lays out. */
function scales(data: ChartData, yScale: YScale, area: { x: number; y: number; width: number; height: number }) {
  const [x0, x1] = data.xDomain ?? [0, 1];
  const [y0, y1] = data.yDomain ?? [0, 1];
  const sx: Scale = (x) => area.x + ((x - x0) / (x1 - x0 || 1)) * area.width;
  const t = yScale === 'log' ? (v: number) => (v > 0 ? Math.log10(v) : NaN) : (v: number) => v;
  const [t0, t1] = [t(y0), t(y1)];
  const sy: Scale = (y) => {
    const v = t(y);
    return Number.isFinite(v) ? area.y + area.height - ((v - t0) / (t1 - t0 || 1)) * area.height : undefined;
  };
  return { sx, sy };
}

export function MetricMarks({ data, yScale, dotsUpTo }: MetricMarksProps) {
  const area = usePlotArea();
  const clipId = useId();
  const { x = 0, y = 0, width = 0, height = 0 } = area ?? {};
  const marks = useMemo(() => {
    if (width <= 0 || height <= 0) return [];
    const { sx, sy } = scales(data, yScale, { x, y, width, height });
    return data.series.map((s) => ({
      s,
      band: bandPath(s.envelope, sx, sy),
      line: linePath(s.line, sx, sy),
      dots:
        s.points.xs.length <= dotsUpTo
          ? s.line.flatMap((d) => {
              const cx = sx(d.x);
              const cy = d.y === null ? undefined : sy(d.y);
              return cx !== undefined && cy !== undefined ? [{ cx, cy }] : [];
            })
          : [],
    }));
  }, [data, yScale, x, y, width, height, dotsUpTo]);
  if (!area) return null;
  return (
    <g className="recharts-layer metric-marks">
      <defs>
        <clipPath id={clipId}>
          <rect x={x} y={y} width={width} height={height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        {marks.map(({ s, band }) => (
          <path
            key={`${s.runId}-band`}
            className="recharts-area-area"
            d={band}
            fill={s.color}
            fillOpacity={s.smoothed ? 0.25 : 0.45}
            stroke="none"
          />
        ))}
        {marks.map(({ s, line, dots }) => (
          <g key={`${s.runId}-line`} className="recharts-line">
            <path className="recharts-curve recharts-line-curve" d={line} fill="none" stroke={s.color} strokeWidth={1.5} />
            {dots.map((dot, i) => (
              <circle key={i} className="recharts-dot recharts-line-dot" cx={dot.cx} cy={dot.cy} r={3} fill={s.color} stroke={s.color} />
            ))}
          </g>
        ))}
      </g>
    </g>
  );
}
