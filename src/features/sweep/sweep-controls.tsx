// The metric the children are judged by, its direction, and "Compare these" for the best N.
import { useId } from 'react';
import { Link } from 'react-router';
import type { SearchStateUpdateOptions } from '@/components/use-search-state.ts';
import { paths } from '@/config/paths.ts';
import type { BestDirection } from '@/lib/compare/best-direction.ts';
import type { Sweep, SweepRow } from '@/lib/compare/sweep.ts';
import type { SweepSearch } from './url-state.ts';

export interface SweepControlsProps {
  sweep: Sweep;
  metric: string | undefined;
  direction: BestDirection;
  rows: readonly SweepRow[];
  search: SweepSearch;
  update(patch: Partial<SweepSearch>, options?: SearchStateUpdateOptions): void;
}

const TOP_CHOICES = [2, 3, 5, 10, 20, 50, 100];

export function SweepControls({ sweep, metric, direction, rows, search, update }: SweepControlsProps) {
  const metricId = useId();
  const topId = useId();
  const best = rows.filter((row) => row.rank !== undefined).slice(0, search.top);
  return (
    <div className="toolbar sweep__controls">
      <span className="plot-control">
        <label htmlFor={metricId}>Judged by</label>
        <select id={metricId} value={metric ?? ''} onChange={(e) => update({ metric: e.target.value })}>
          {sweep.metrics.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </span>
      <button
        type="button"
        aria-label={`${metric ?? 'metric'}: ${direction === 'max' ? 'higher' : 'lower'} is better (switch)`}
        onClick={() => update({ direction: direction === 'max' ? 'min' : 'max' })}
      >
        {direction === 'max' ? 'higher is better' : 'lower is better'}
      </button>
      <span className="plot-control">
        <label htmlFor={topId}>Best</label>
        <select id={topId} value={search.top} onChange={(e) => update({ top: Number(e.target.value) })}>
          {TOP_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </span>
      {best.length >= 2 ? (
        <Link
          className="button-link"
          to={paths.compare.getHref(
            best.map((row) => row.runId),
            metric ? { colorBy: metric } : {},
          )}
        >
          Compare these {best.length}
        </Link>
      ) : null}
    </div>
  );
}
