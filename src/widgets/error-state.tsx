import { QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useState } from 'react';
import { describeError } from '@/api/describe-error.ts';
import { scheduledRetryAt } from '@/api/retry-policy.ts';

export interface ErrorStateProps {
  error: unknown;
  /** Re-runs the failed request(s) now, and only those, instead of waiting for the automatic retry. */
  onRetry?: () => void;
  /** A smaller block for errors inside one panel of a page. */
  compact?: boolean;
}

/** The one way an error is shown. Server text is rendered as text, never as HTML. */
export function ErrorState({ error, onRetry, compact = false }: ErrorStateProps) {
  const described = describeError(error);
  const countdown = useRetryCountdown(error, described.recoverable);
  return (
    <section className={compact ? 'error-state error-state--compact' : 'error-state'} role="alert" aria-live="assertive">
      <h2 className="error-state__title">{described.title}</h2>
      <p className="error-state__message">{described.message}</p>
      {described.errorCode ? (
        <p className="error-state__code">
          Error code: <code>{described.errorCode}</code>
        </p>
      ) : null}
      {described.hint ? <p className="error-state__hint">{described.hint}</p> : null}
      {onRetry || countdown ? (
        <p className="error-state__actions">
          {onRetry ? (
            <button type="button" onClick={onRetry}>
              Retry now
            </button>
          ) : null}
          {/* Ticks every second: kept out of the alert's announcements. */}
          {countdown ? (
            <span className="muted error-state__retrying" aria-live="off">
              {' '}
              {countdown}
            </span>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

/**
 * "Retrying automatically in 7 s…" only while a poll of the failed query is really scheduled
 * (retry-policy.ts reads it from the query's observers): not for a render error, a failure that
 * waiting cannot fix, or a query no mounted component watches any more.
 */
function useRetryCountdown(error: unknown, recoverable: boolean): string | undefined {
  const client = useContext(QueryClientContext);
  const [now, setNow] = useState(() => Date.now());
  const watching = recoverable && client !== undefined;
  useEffect(() => {
    if (!watching) return undefined;
    const tick = () => setNow(Date.now());
    // At once for a new failure (the first render's clock may be a second old), then each second.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [watching, error]);
  const at = watching ? scheduledRetryAt(client.getQueryCache(), error) : undefined;
  if (at === undefined) return undefined;
  const seconds = Math.ceil((at - now) / 1000);
  return seconds > 0 ? `Retrying automatically in ${seconds} s…` : 'Retrying now…';
}
