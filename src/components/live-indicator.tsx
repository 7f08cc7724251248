// "Live": the view is polling a running run (refresh=), with its period; says so when a poll
// failed, since the values shown may then be older than the period suggests.
import './live-indicator.css';

export interface LiveIndicatorProps {
  /** Milliseconds between polls. */
  intervalMs: number;
  failed?: boolean;
}

export function LiveIndicator({ intervalMs, failed = false }: LiveIndicatorProps) {
  const seconds = Math.round(intervalMs / 1000);
  const title = failed
    ? 'The last update failed; trying again at the next one. Values may be out of date.'
    : `A shown run is running: updated every ${seconds} s while this tab is visible (refresh= in the URL; refresh=off stops it).`;
  return (
    <span className={`live-indicator${failed ? ' live-indicator--failed' : ''}`} data-testid="live-indicator" title={title}>
      <span className="live-indicator__dot" aria-hidden="true" />
      {failed ? 'Live (update failed)' : `Live · every ${seconds} s`}
    </span>
  );
}
