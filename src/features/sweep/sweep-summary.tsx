// What the sweep varied and what it held constant.
import type { Sweep } from '@/lib/compare/sweep.ts';

export interface SweepSummaryProps {
  count: number;
  sweep: Sweep;
  /** The children were cut at one page of 1,000. */
  capped: boolean;
}

export function SweepSummary({ count, sweep, capped }: SweepSummaryProps) {
  const constant = Object.entries(sweep.constant);
  return (
    <div className="sweep__summary">
      <p>
        {count.toLocaleString('en-US')} child runs
        {capped ? ' (the first 1,000)' : ''}
        {sweep.varying.length > 0 ? (
          <>
            {' '}
            varying <strong>{sweep.varying.join(', ')}</strong>.
          </>
        ) : (
          '; no param varies between them.'
        )}
      </p>
      {constant.length > 0 ? (
        <details>
          <summary>{constant.length} params held constant</summary>
          <dl className="kv-list">
            {constant.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}
