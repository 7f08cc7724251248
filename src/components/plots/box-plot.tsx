// A metric's spread per category of a param: Tukey boxes with every run drawn over them, spread
// sideways by index so that the same runs land on the same pixels on every render.
import { axisPosition, buildAxis, type CategoricalAxis } from '@/lib/compare/axis.ts';
import type { BoxStats } from '@/lib/compare/box-stats.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';
import { jitter, plotArea } from './plot-frame.ts';
import { bottomAxisHeight, leftAxisWidth, SvgAxis } from './svg-axis.tsx';
import './charts.css';

export interface BoxGroup {
  category: string;
  stats: BoxStats | undefined;
  points: readonly { id: string; label: string; value: number; color: string }[];
}

export interface BoxPlotProps {
  caption: string;
  groupLabel: string;
  valueLabel: string;
  groups: readonly BoxGroup[];
  width: number;
  height?: number;
  log?: boolean;
}

function groupLabelText({ category, stats }: BoxGroup): string {
  return stats ? `${category}: median ${formatMetric(stats.median)}, n = ${stats.count}` : `${category}: no values, n = 0`;
}

export function BoxPlot({ caption, groupLabel, valueLabel, groups, width, height = 320, log = false }: BoxPlotProps) {
  const xAxis: CategoricalAxis = { kind: 'categorical', id: 'group', label: groupLabel, categories: groups.map((g) => g.category) };
  const values = groups.flatMap((g) => [...g.points.map((p) => p.value), ...(g.stats ? [g.stats.min, g.stats.max] : [])]);
  const yAxis = buildAxis({ id: 'value', label: valueLabel, values, log });
  const left = leftAxisWidth(yAxis, 120);
  const right = 16;
  const area = plotArea(width, height, { top: 12, right, bottom: bottomAxisHeight(xAxis, width - left - right), left });
  const band = (area.x1 - area.x0) / Math.max(1, groups.length);
  const boxWidth = Math.min(band * 0.5, 60);
  // A value a log axis cannot place (≤ 0) is undefined here, and its mark is left out.
  const y = (value: number) => {
    const p = axisPosition(yAxis, value);
    return p === undefined ? undefined : area.y1 - p * (area.y1 - area.y0);
  };

  return (
    <figure className="plot chart chart-box">
      <figcaption>{caption}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <SvgAxis axis={xAxis} orient="bottom" start={area.x0} end={area.x1} at={area.y1} />
        <SvgAxis axis={yAxis} orient="left" start={area.y1} end={area.y0} at={area.x0} gridLength={area.x1 - area.x0} />
        {groups.map((group, i) => {
          const cx = area.x0 + (i + 0.5) * band;
          const s = group.stats;
          const [lo, q1, median, q3, hi] = s ? [s.whiskerLo, s.q1, s.median, s.q3, s.whiskerHi].map(y) : [];
          return (
            <g key={group.category} className="chart-box__group" role="img" aria-label={groupLabelText(group)}>
              {lo !== undefined && q1 !== undefined && <line className="chart-box__whisker" x1={cx} x2={cx} y1={lo} y2={q1} />}
              {hi !== undefined && q3 !== undefined && <line className="chart-box__whisker" x1={cx} x2={cx} y1={q3} y2={hi} />}
              {[lo, hi].map(
                (w, k) =>
                  w !== undefined && (
                    <line key={k} className="chart-box__whisker" x1={cx - boxWidth / 4} x2={cx + boxWidth / 4} y1={w} y2={w} />
                  ),
              )}
              {q1 !== undefined && q3 !== undefined && (
                <rect className="chart-box__box" x={cx - boxWidth / 2} y={Math.min(q1, q3)} width={boxWidth} height={Math.abs(q1 - q3)} />
              )}
              {median !== undefined && (
                <line className="chart-box__median" x1={cx - boxWidth / 2} x2={cx + boxWidth / 2} y1={median} y2={median} />
              )}
              {s?.outliers.map((o, k) => {
                const oy = y(o);
                return oy === undefined ? null : <circle key={k} className="chart-box__outlier" cx={cx} cy={oy} r={5} />;
              })}
              {group.points.map((point, k) => {
                const py = y(point.value);
                if (py === undefined) return null;
                return (
                  <circle
                    key={point.id}
                    className="chart-box__point"
                    data-run-id={point.id}
                    cx={cx + jitter(k) * boxWidth * 0.8}
                    cy={py}
                    r={3.5}
                    fill={point.color}
                  >
                    <title>{`${point.label}: ${formatMetric(point.value)}`}</title>
                  </circle>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
