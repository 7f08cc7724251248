import { describeError } from '@/api/describe-error.ts';

export interface ErrorStateProps {
  error: unknown;
  /** Re-runs the failed request now instead of waiting for the automatic retry. */
  onRetry?: () => void;
  /** A smaller block for errors inside one panel of a page. */
  compact?: boolean;
}

/** The one way an error is shown. Server text is rendered as text, never as HTML. */
export function ErrorState({ error, onRetry, compact = false }: ErrorStateProps) {
  const described = describeError(error);
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
      {onRetry ? (
        <p className="error-state__actions">
          <button type="button" onClick={onRetry}>
            Retry now
          </button>
          {described.recoverable ? <span className="muted"> Retrying automatically…</span> : null}
        </p>
      ) : null}
    </section>
  );
}
