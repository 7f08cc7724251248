import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState } from '@/components/error-state.tsx';
import { ReadySignal } from '../ready-signal.tsx';

/** Last line of defence: a render error shows a message instead of a blank page. */
export function RouteErrorPage() {
  const error = useRouteError();
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <main className="page">
      <ErrorState error={shown} onRetry={() => window.location.reload()} />
      <ReadySignal />
    </main>
  );
}
