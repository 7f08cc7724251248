// One metric for one or more runs: loads each run's full history, shapes it for the chart's
// width, draws it, and offers exports. Off-screen cards wait (useInView) before fetching.
// The figure is named by a sentence saying what it shows, and its plotted values can be shown
// as a table: the chart's text alternative.
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { ErrorState } from '@/widgets/error-state.tsx';
import { useRenderPending, useRenderPlaceholder } from '@/components/render-pending.ts';
import { useElementWidth } from '@/components/use-element-width.ts';
import { useInView } from '@/components/use-in-view.ts';
import { useViewOptions } from '@/config/view-options.ts';
import { runColors } from '@/lib/run-color.ts';
import { formatMetric } from '../../../contract/display/format-value.ts';
import { buildChartData, type ChartData, type XAxisKind } from '@/lib/series/chart-data.ts';
import { finiteValueRange } from '@/lib/series/chart-table.ts';
import { formatX, xAxisLabel } from './axis-format.ts';
import { ChartDataTable } from './chart-data-table.tsx';
import { ChartLegend } from './chart-legend.tsx';
import { exportCsv, exportPng, exportSvg } from './chart-export.ts';
import { MetricChart } from './metric-chart.tsx';
import { useChartHistories } from './use-chart-histories.ts';
import { formatZoom, parseZoom, type ChartSearch } from './url-state.ts';

export interface ChartRun {
  runId: string;
  name: string;
  startTime?: number | undefined;
  /** Still running: its histories are polled for new points (refresh=). */
  live?: boolean | undefined;
}

export interface MetricChartCardProps {
  metricKey: string;
  runs: readonly ChartRun[];
  settings: ChartSearch;
  onZoomChange: (zoom: string) => void;
  /** Runs left out of the drawing (a click on their legend entry); they keep their colour. */
  hidden?: ReadonlySet<string>;
  onToggleRun?: (runId: string) => void;
}

const NONE_HIDDEN: ReadonlySet<string> = new Set();

const HEIGHT = 260;

export function MetricChartCard(props: MetricChartCardProps) {
  const ref = useRef<HTMLElement>(null);
  // Render mode (reports, screenshots) mounts every card at once: the whole page is the picture.
  const { render } = useViewOptions();
  const inView = useInView(ref, { always: render });
  // Until mounted, an on-screen card is a drawing under way for the ready signal.
  useRenderPlaceholder(ref, !inView);
  const nameId = useId();
  // Once loaded, the figure is named by the chart's own description (describeChart).
  return (
    <figure
      ref={ref}
      className="chart-card"
      aria-label={inView ? undefined : `Chart of ${props.metricKey}`}
      aria-labelledby={inView ? nameId : undefined}
    >
      {inView ? (
        <LoadedChart {...props} figure={ref} nameId={nameId} />
      ) : (
        <div className="chart-card__placeholder" style={{ height: HEIGHT + 28 }} />
      )}
    </figure>
  );
}

/** "Chart of loss by step: 2 runs, 20,000 logged values, step 0 to 9,999, values from 0.1 to 50." */
function describeChart(metricKey: string, data: ChartData, xAxis: XAxisKind, logged: number): string {
  const runs = `${data.series.length} ${data.series.length === 1 ? 'run' : 'runs'}`;
  const values = `${logged.toLocaleString('en-US')} logged ${logged === 1 ? 'value' : 'values'}`;
  const x = data.xDomain
    ? `, ${xAxisLabel[xAxis].toLowerCase()} ${formatX(xAxis, data.xDomain[0])} to ${formatX(xAxis, data.xDomain[1])}`
    : '';
  const range = finiteValueRange(data.series, data.xDomain);
  const y = range ? `, values from ${formatMetric(range[0])} to ${formatMetric(range[1])}` : ', no finite value';
  return `Chart of ${metricKey} by ${xAxisLabel[xAxis].toLowerCase()}: ${runs}, ${values}${x}${y}.`;
}

type LoadedChartProps = MetricChartCardProps & { figure: React.RefObject<HTMLElement | null>; nameId: string };

function LoadedChart({ metricKey, runs, settings, onZoomChange, figure, nameId, hidden = NONE_HIDDEN, onToggleRun }: LoadedChartProps) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const body = useRef<HTMLDivElement>(null);
  const width = useElementWidth(body);
  const { render } = useViewOptions();
  // By position in the view's run list, as the page's own run list colours them.
  const colors = useMemo(() => runColors(runs.map((run) => run.runId)), [runs]);
  const { queries, histories, pending, failed, sampled, dataKey } = useChartHistories(metricKey, runs, hidden, colors);
  const zoom = parseZoom(settings.zoom);
  const data = useMemo(
    () =>
      buildChartData(histories, {
        xAxis: settings.x,
        yScale: settings.y,
        smoothing: settings.smoothing,
        ignoreOutliers: settings.ignoreOutliers,
        zoom,
        buckets: Math.max(50, Math.floor(width / 2)),
      }),
    // zoom is derived from settings.zoom.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [histories, settings.x, settings.y, settings.smoothing, settings.ignoreOutliers, settings.zoom, width],
  );
  const pointCount = histories.reduce((sum, h) => sum + h.points.steps.length, 0);
  const fileName = `${metricKey.replace(/[^\w.-]+/g, '_')}`;
  const ready = !pending && !failed;
  const noValue = data.series.every((s) => s.line.every((d) => d.y === null) && s.envelope.every((d) => d.range === null));
  const drawn = useDrawn(body, (ready || sampled) && !noValue, dataKey);
  // Pending until every point's marks are in the page, not only the data (nor a sample's): the
  // ready signal means "drawn".
  useRenderPending(pending || (ready && !noValue && !drawn));
  // For tests and the bench: a machine-readable "every point is drawn" (docs/charts-performance.md).
  const points = ready && (noValue || drawn) ? 'complete' : sampled && drawn ? 'sampled' : undefined;

  return (
    <>
      <figcaption className="chart-card__caption">
        {/* Hidden: read as the figure's name only (aria-labelledby reads hidden text). */}
        <span id={nameId} hidden>
          {ready
            ? describeChart(
                metricKey,
                data,
                settings.x,
                data.series.reduce((sum, s) => sum + s.points.xs.length, 0),
              )
            : `Chart of ${metricKey}`}
        </span>
        <span className="chart-card__title" title={metricKey}>
          {metricKey}
        </span>
        <span className="muted chart-card__count">
          {sampled
            ? 'sampled · loading every point…'
            : pending
              ? 'loading…'
              : `${pointCount.toLocaleString()} ${pointCount === 1 ? 'point' : 'points'}`}
        </span>
        <span className="chart-card__actions" data-interactive>
          <button type="button" onClick={() => figure.current && exportPng(figure.current, fileName)} disabled={pending}>
            PNG
          </button>
          <button type="button" onClick={() => figure.current && exportSvg(figure.current, fileName)} disabled={pending}>
            SVG
          </button>
          <button type="button" onClick={() => exportCsv(metricKey, histories, fileName)} disabled={pending}>
            CSV
          </button>
        </span>
      </figcaption>
      <div ref={body} className="chart-card__body" data-points={points}>
        {failed ? (
          // Retry re-fetches every run's history that failed, and only those.
          <ErrorState error={failed.error} onRetry={() => queries.forEach((q) => q.isError && void q.refetch())} compact />
        ) : pending && !sampled ? (
          <div className="chart-card__placeholder" style={{ height: HEIGHT }} />
        ) : noValue && !pending ? (
          <p className="chart-card__empty" style={{ height: HEIGHT }}>
            {settings.y === 'log' ? 'No positive value to draw on a log scale.' : 'No finite value to draw (NaN or ∞ only).'}
          </p>
        ) : (
          <MetricChart
            // A new drawing once every point is in, so the "drawn" check sees its own marks, not the sample's.
            key={pending ? 'sample' : 'every-point'}
            data={data}
            width={width}
            height={HEIGHT}
            xAxis={settings.x}
            yScale={settings.y}
            onZoom={(domain) => onZoomChange(domain ? formatZoom(domain) : '')}
            still={render}
          />
        )}
      </div>
      <button
        type="button"
        className="chart-card__table-toggle"
        data-interactive
        aria-expanded={showTable}
        aria-controls={showTable ? tableId : undefined}
        onClick={() => setShowTable(!showTable)}
        disabled={!ready}
      >
        {showTable ? 'Hide data table' : 'Show data as table'}
      </button>
      {showTable && ready ? <ChartDataTable id={tableId} metricKey={metricKey} data={data} xAxis={settings.x} /> : null}
      {runs.length > 1 ? <ChartLegend metricKey={metricKey} runs={runs} colors={colors} hidden={hidden} onToggleRun={onToggleRun} /> : null}
    </>
  );
}

// What a drawn chart has in its SVG: a line, an envelope area or a dot per point.
const MARKS = '.recharts-line-curve, .recharts-area-area, .recharts-line-dot, .recharts-dot';

/**
 * True once the chart body holds its plotted marks (checked each frame until it does): recharts
 * lays a chart out over more than one render, so "data loaded" is not yet "drawn".
 */
function useDrawn(body: RefObject<HTMLElement | null>, expected: boolean, dataKey: string): boolean {
  const [drawnKey, setDrawnKey] = useState<string | undefined>();
  useEffect(() => {
    if (!expected || drawnKey === dataKey) return;
    let frame = 0;
    const look = () => {
      if (body.current?.querySelector(MARKS)) setDrawnKey(dataKey);
      else frame = requestAnimationFrame(look);
    };
    look();
    return () => cancelAnimationFrame(frame);
  }, [body, expected, dataKey, drawnKey]);
  return drawnKey === dataKey;
}
