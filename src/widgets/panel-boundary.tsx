// One panel's error boundary: a render error (a hostile artifact, an unexpected value) replaces
// that panel with its message and a Retry, and the rest of the page keeps working. React itself
// logs each caught error with console.error (the root's default onCaughtError), so nothing here
// logs it again.
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { ErrorState } from './error-state.tsx';
import { useFailedPanel } from '@/components/failed-panels.ts';

export interface PanelBoundaryProps {
  /** What failed, in the user's words: "This preview failed". Names the message's group. */
  label: string;
  /**
   * When any of these changes (another file, run, metric or setting), a shown error is cleared
   * and the panel tries again. Give primitives or stable objects: a new array each render would
   * clear the error on every render of the parent.
   */
  resetKeys?: readonly unknown[];
  children: ReactNode;
}

export function PanelBoundary({ label, resetKeys, children }: PanelBoundaryProps) {
  return (
    // Scoped per panel: Retry lets only this panel's failed queries fetch again when it remounts.
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          resetKeys={resetKeys ? [...resetKeys] : undefined}
          fallbackRender={({ error, resetErrorBoundary }) => <PanelError label={label} error={error} onRetry={resetErrorBoundary} />}
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

interface PanelErrorProps {
  label: string;
  error: unknown;
  onRetry: () => void;
}

function PanelError({ label, error, onRetry }: PanelErrorProps) {
  useFailedPanel(error);
  return (
    <div className="panel-error" role="group" aria-label={label}>
      <p className="panel-error__label">
        <strong>{label}.</strong>
      </p>
      <ErrorState error={error} onRetry={onRetry} compact />
    </div>
  );
}
