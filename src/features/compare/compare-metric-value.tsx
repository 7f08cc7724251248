import { formatMetric } from '../../../contract/display/format-value.ts';

export interface CompareMetricValueProps {
  latest: number | undefined;
  min: number | undefined;
  max: number | undefined;
  best: boolean;
}

function rangeText(min: number | undefined, max: number | undefined): string | undefined {
  const parts = [
    min === undefined ? undefined : `min ${formatMetric(min)}`,
    max === undefined ? undefined : `max ${formatMetric(max)}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * A run's latest value of a metric, large, and its history's range beneath when known. The best
 * value carries a star for the eye and ", best" for the ear (visually hidden text: a name on a
 * plain span is not read out by every screen reader).
 */
export function CompareMetricValue({ latest, min, max, best }: CompareMetricValueProps) {
  if (latest === undefined) return <span className="muted">—</span>;
  const range = rangeText(min, max);
  return (
    <>
      <span className="compare-metric__latest">
        {formatMetric(latest)}
        {best ? (
          <>
            <span className="compare-metric__star" aria-hidden="true">
              ★
            </span>
            <span className="visually-hidden">, best</span>
          </>
        ) : null}
      </span>
      {range ? <span className="compare-metric__range">{range}</span> : null}
    </>
  );
}
