// One metric for one or more runs: loads each run's full history, shapes it for the chart's
// width, draws it, and offers exports. Off-screen cards wait (useInView) before fetching.
import { useQueries } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { metricHistoryQueryOptions } from '@/api/metrics.ts';
import { ErrorState } from '@/components/error-state.tsx';
import { useRenderPending } from '@/components/render-pending.ts';
import { useElementWidth } from '@/components/use-element-width.ts';
import { useInView } from '@/components/use-in-view.ts';
import { runColor } from '@/lib/run-color.ts';
import { buildChartData, type RunHistory } from '@/lib/series/chart-data.ts';
import { exportCsv, exportPng, exportSvg } from './chart-export.ts';
import { MetricChart } from './metric-chart.tsx';
import { formatZoom, parseZoom, type ChartSearch } from './url-state.ts';

export interface ChartRun {
  runId: string;
  name: string;
  startTime?: number | undefined;
}

export interface MetricChartCardProps {
  metricKey: string;
  runs: readonly ChartRun[];
  settings: ChartSearch;
  onZoomChange: (zoom: string) => void;
}

const HEIGHT = 260;

export function MetricChartCard(props: MetricChartCardProps) {
  const ref = useRef<HTMLElement>(null);
  const inView = useInView(ref);
  return (
    <figure ref={ref} className="chart-card" aria-label={`Chart of ${props.metricKey}`}>
      {inView ? <LoadedChart {...props} figure={ref} /> : <div className="chart-card__placeholder" style={{ height: HEIGHT + 28 }} />}
    </figure>
  );
}

function LoadedChart({ metricKey, runs, settings, onZoomChange, figure }: MetricChartCardProps & { figure: React.RefObject<HTMLElement | null> }) {
  const body = useRef<HTMLDivElement>(null);
  const width = useElementWidth(body);
  const queries = useQueries({ queries: runs.map((run) => metricHistoryQueryOptions(run.runId, metricKey)) });
  const pending = queries.some((q) => q.isPending);
  useRenderPending(pending);
  const failed = queries.find((q) => q.isError);
  const dataKey = queries.map((q) => q.dataUpdatedAt).join(',');

  const histories = useMemo<RunHistory[]>(
    () => runs.flatMap((run, i) => {
      const points = queries[i]?.data;
      return points ? [{ runId: run.runId, name: run.name || run.runId, color: runColor(run.runId), startTime: run.startTime, points }] : [];
    }),
    // dataKey stands for the queries' data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runs, dataKey],
  );
  const zoom = parseZoom(settings.zoom);
  const data = useMemo(
    () => buildChartData(histories, { xAxis: settings.x, yScale: settings.y, smoothing: settings.smoothing, ignoreOutliers: settings.ignoreOutliers, zoom, buckets: Math.max(50, Math.floor(width / 2)) }),
    // zoom is derived from settings.zoom.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [histories, settings.x, settings.y, settings.smoothing, settings.ignoreOutliers, settings.zoom, width],
  );
  const pointCount = histories.reduce((sum, h) => sum + h.points.length, 0);
  const fileName = `${metricKey.replace(/[^\w.-]+/g, '_')}`;

  return (
    <>
      <figcaption className="chart-card__caption">
        <span className="chart-card__title" title={metricKey}>
          {metricKey}
        </span>
        <span className="muted chart-card__count">{pending ? 'loading…' : `${pointCount.toLocaleString()} ${pointCount === 1 ? 'point' : 'points'}`}</span>
        <span className="chart-card__actions">
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
      <div ref={body} className="chart-card__body">
        {failed ? (
          // Retry re-fetches every run's history that failed, and only those.
          <ErrorState error={failed.error} onRetry={() => queries.forEach((q) => q.isError && void q.refetch())} compact />
        ) : pending ? (
          <div className="chart-card__placeholder" style={{ height: HEIGHT }} />
        ) : data.series.every((s) => s.line.every((d) => d.y === null) && s.envelope.every((d) => d.range === null)) ? (
          <p className="chart-card__empty" style={{ height: HEIGHT }}>
            {settings.y === 'log' ? 'No positive value to draw on a log scale.' : 'No finite value to draw (NaN or ∞ only).'}
          </p>
        ) : (
          <MetricChart data={data} width={width} height={HEIGHT} xAxis={settings.x} yScale={settings.y} onZoom={(domain) => onZoomChange(domain ? formatZoom(domain) : '')} />
        )}
      </div>
      {runs.length > 1 ? (
        <ul className="chart-legend" aria-label={`Runs in ${metricKey}`}>
          {runs.map((run) => (
            <li key={run.runId}>
              <span className="swatch" style={{ background: runColor(run.runId) }} aria-hidden="true" />
              {run.name || run.runId}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
