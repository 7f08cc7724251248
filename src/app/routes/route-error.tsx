import { isRouteErrorResponse, useLocation, useNavigate, useRouteError } from 'react-router';
import { ErrorState } from '@/widgets/error-state.tsx';
import { ReadySignal } from '../ready-signal.tsx';

/** Marks a history entry that Retry has already rendered again once. */
interface RetriedState {
  runlensRetried: true;
}

const wasRetried = (state: unknown): state is RetriedState =>
  typeof state === 'object' && state !== null && (state as Partial<RetriedState>).runlensRetried === true;

/**
 * Last line of defence: an error no panel caught shows a message instead of a blank page. Retry
 * first renders the same address again, keeping the loaded data (a navigation resets the
 * router's error boundary); only if that fails too does the next Retry reload the page.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const location = useLocation();
  const navigate = useNavigate();
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  const { pathname, search, hash } = location;
  const retry = wasRetried(location.state)
    ? () => window.location.reload()
    : () => void navigate({ pathname, search, hash }, { replace: true, state: { runlensRetried: true } satisfies RetriedState });
  return (
    <main className="page">
      <ErrorState error={shown} onRetry={retry} />
      <ReadySignal />
    </main>
  );
}
