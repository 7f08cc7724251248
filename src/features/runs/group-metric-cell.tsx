import { formatMetric } from '../../../contract/display/format-value.ts';
import type { SummaryStats } from '@/lib/summary-stats.ts';

/** A group's metric: the average, with the range below it. */
export function GroupMetricCell({ stats }: { stats: SummaryStats | undefined }) {
  if (!stats) return null;
  const skipped = stats.skipped > 0 ? `, ${stats.skipped} NaN or ∞ left out` : '';
  return (
    <span
      className="group-metric"
      title={`min ${formatMetric(stats.min)} · avg ${formatMetric(stats.mean)} · max ${formatMetric(stats.max)} (${stats.count} runs${skipped})`}
    >
      <span className="visually-hidden">avg </span>
      {formatMetric(stats.mean)}
      <span className="group-metric__range">
        {formatMetric(stats.min)} – {formatMetric(stats.max)}
      </span>
    </span>
  );
}
