// Draws shaped series (lib/series/chart-data.ts): recharts lays out the axes, and the marks are
// drawn inside its surface by MetricMarks: per run a faint min/max envelope (so a spike is never
// lost between samples) and a line through it.
// Hover shows every run's exact logged value nearest the pointer; drag zooms, double-click
// resets. The chart only draws: data arrives shaped.
import { useState, type MouseEvent } from 'react';
import { ComposedChart, XAxis, YAxis } from 'recharts';
import { nearestPoint, type ChartData, type XAxisKind } from '@/lib/series/chart-data.ts';
import { yTicks, type YScale } from '@/lib/series/y-domain.ts';
import { formatX, formatY, xAxisLabel } from './axis-format.ts';
import { MetricMarks } from './metric-marks.tsx';

export interface MetricChartProps {
  data: ChartData;
  width: number;
  height: number;
  xAxis: XAxisKind;
  yScale: YScale;
  onZoom: (domain: [number, number] | undefined) => void;
  /** Render mode (reports, screenshots): no hover readout or drag-zoom, nothing but the drawing. */
  still?: boolean;
}

// The plot area's position inside the SVG: fixed, so a pointer's pixel maps to an x value.
const MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };
const Y_AXIS_WIDTH = 64;
const X_AXIS_HEIGHT = 36;
/** Dots are drawn when a run has this few points, so short histories read as points. */
const DOTS_UP_TO = 60;

export function MetricChart({ data, width, height, xAxis, yScale, onZoom, still = false }: MetricChartProps) {
  const [hoverX, setHoverX] = useState<number | undefined>();
  const [drag, setDrag] = useState<{ from: number; to: number } | undefined>();
  const plotLeft = MARGIN.left + Y_AXIS_WIDTH;
  const plotWidth = Math.max(1, width - plotLeft - MARGIN.right);
  const [x0, x1] = data.xDomain ?? [0, 1];
  const toX = (px: number) => x0 + ((px - plotLeft) / plotWidth) * (x1 - x0);
  const pixel = (event: MouseEvent<HTMLDivElement>) =>
    Math.min(Math.max(event.clientX - event.currentTarget.getBoundingClientRect().left, plotLeft), plotLeft + plotWidth);

  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    const px = pixel(event);
    setHoverX(toX(px));
    if (drag) setDrag({ ...drag, to: px });
  };
  const onUp = () => {
    if (drag && Math.abs(drag.to - drag.from) > 4) {
      const a = toX(Math.min(drag.from, drag.to));
      const b = toX(Math.max(drag.from, drag.to));
      onZoom([a, b]);
    }
    setDrag(undefined);
  };

  const chart = (
    <ComposedChart width={width} height={height} margin={MARGIN}>
      <XAxis
        type="number"
        dataKey="x"
        domain={data.xDomain ?? ['auto', 'auto']}
        allowDataOverflow
        height={X_AXIS_HEIGHT}
        tickFormatter={(x: number) => formatX(xAxis, x)}
        label={{ value: xAxisLabel[xAxis], position: 'insideBottom', offset: 0, fontSize: 11 }}
        fontSize={11}
        allowDuplicatedCategory={false}
      />
      <YAxis
        type="number"
        scale={yScale === 'log' ? 'log' : 'linear'}
        domain={data.yDomain ?? ['auto', 'auto']}
        // Round ticks on the round bounds (lib/series/y-domain.ts); the log scale picks its own.
        ticks={yScale === 'linear' && data.yDomain ? yTicks(data.yDomain) : undefined}
        allowDataOverflow
        width={Y_AXIS_WIDTH}
        tickFormatter={formatY}
        fontSize={11}
      />
      <MetricMarks data={data} yScale={yScale} dotsUpTo={DOTS_UP_TO} />
    </ComposedChart>
  );
  if (still) {
    return (
      <div className="metric-chart metric-chart--still" style={{ width, height }}>
        {chart}
      </div>
    );
  }

  return (
    // Pointer-only extras (hover readout, drag-zoom); keyboard users get the same values from
    // the metrics table and the CSV export, and reset the zoom from the chart controls.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      className="metric-chart"
      style={{ width, height }}
      onMouseMove={onMove}
      onMouseLeave={() => {
        setHoverX(undefined);
        setDrag(undefined);
      }}
      onMouseDown={(event) => setDrag({ from: pixel(event), to: pixel(event) })}
      onMouseUp={onUp}
      onDoubleClick={() => onZoom(undefined)}
    >
      {chart}
      {drag ? (
        <div
          className="metric-chart__zoom"
          style={{
            left: Math.min(drag.from, drag.to),
            width: Math.abs(drag.to - drag.from),
            top: MARGIN.top,
            height: height - MARGIN.top - X_AXIS_HEIGHT,
          }}
        />
      ) : null}
      {hoverX !== undefined && !drag ? (
        <HoverReadout
          data={data}
          x={hoverX}
          xAxis={xAxis}
          left={plotLeft + ((hoverX - x0) / (x1 - x0 || 1)) * plotWidth}
          height={height - X_AXIS_HEIGHT}
        />
      ) : null}
    </div>
  );
}

function HoverReadout({ data, x, xAxis, left, height }: { data: ChartData; x: number; xAxis: XAxisKind; left: number; height: number }) {
  const rows = data.series.flatMap((s) => {
    const point = nearestPoint(s.points, x);
    return point ? [{ s, point }] : [];
  });
  return (
    <>
      <div className="metric-chart__cursor" style={{ left, height }} aria-hidden="true" />
      <div className="metric-chart__readout" style={left > 300 ? { right: 8 } : { left: left + 12 }}>
        {rows.map(({ s, point }) => (
          <div key={s.runId} className="metric-chart__readout-row">
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            <span className="metric-chart__readout-name">{s.name}</span>
            <span className="metric-chart__readout-x">{formatX(xAxis, point.x, point.exactX)}</span>
            <strong>{formatY(point.y)}</strong>
          </div>
        ))}
      </div>
    </>
  );
}
