// The error message says what the query client will really do: the same QueryClient as the app.
import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error.ts';
import { scheduledRetryAt } from '@/api/retry-policy.ts';
import { ErrorState } from '@/widgets/error-state.tsx';
import { createQueryClient } from './query-client.ts';

const http = (status: number, retryAfterMs?: number) =>
  new ApiError({
    kind: 'http',
    status,
    url: '/mlflow/x',
    message: `HTTP ${status} from the server`,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
const refused = () =>
  new ApiError({
    kind: 'unreachable',
    url: '/x',
    errorCode: 'RUNLENS_UPSTREAM_UNREACHABLE',
    message: 'cannot reach http://127.0.0.1:5000: connection refused',
  });

/** A scripted server: answers in turn, repeating the last; counts requests per key. */
function server(answers: Array<ApiError | string>) {
  const state = { calls: 0 };
  const fn = async () => {
    state.calls += 1;
    const answer = answers[Math.min(state.calls - 1, answers.length - 1)];
    if (answer instanceof ApiError) throw answer;
    return answer ?? '';
  };
  return { fn, state };
}

function Panel({ name, fetcher, poll = true }: { name: string; fetcher: () => Promise<string>; poll?: boolean }) {
  const query = useQuery({ queryKey: ['panel', name], queryFn: fetcher, ...(poll ? {} : { refetchInterval: false }) });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} compact />;
  return <p>{query.isPending ? `${name} loading` : query.data}</p>;
}

let client: QueryClient;
function show(ui: React.ReactNode) {
  client = createQueryClient();
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}
afterEach(() => client.clear());

describe('ErrorState with the app’s query client', () => {
  it('counts down to the poll that is really scheduled, and recovers by itself', async () => {
    const { fn, state } = server([refused(), 'experiments back']);
    show(<Panel name="experiments" fetcher={fn} />);
    expect(await screen.findByRole('heading', { name: 'Cannot reach the tracking server' })).toBeVisible();
    expect(screen.getByText('cannot reach http://127.0.0.1:5000: connection refused')).toBeVisible();
    const at = scheduledRetryAt(client.getQueryCache(), client.getQueryState(['panel', 'experiments'])?.error);
    expect(at).toBeDefined();
    // The text is redrawn each second, so it may be up to one second behind the clock.
    const left = Math.ceil(((at ?? 0) - Date.now()) / 1000);
    const shown = screen.getByText(/^Retrying (automatically in \d+ s|now)…$/).textContent?.trim();
    expect([left, left + 1].map((n) => (n > 0 ? `Retrying automatically in ${n} s…` : 'Retrying now…'))).toContain(shown);
    expect(await screen.findByText('experiments back', {}, { timeout: 6_000 })).toBeVisible();
    expect(state.calls).toBe(2);
  });

  it('waits as long as a 429’s Retry-After says, and says so', async () => {
    const { fn } = server([http(429, 30_000)]);
    show(<Panel name="runs" fetcher={fn} />);
    expect(await screen.findByRole('heading', { name: 'The tracking server is rate limiting' })).toBeVisible();
    expect(screen.getByText('It asked Runlens to wait 30 seconds before trying again.')).toBeVisible();
    expect(screen.getByText(/^Retrying automatically in (30|31|32|33) s…$/)).toBeVisible();
  });

  it('never claims a retry that is not scheduled', async () => {
    const notFound = server([http(404)]);
    const unpolled = server([http(500)]);
    show(
      <>
        <Panel name="missing" fetcher={notFound.fn} />
        <Panel name="unpolled" fetcher={unpolled.fn} poll={false} />
      </>,
    );
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeVisible();
    // The 500 is retried quietly (~1 s, ~2 s) before it is shown.
    expect(
      await screen.findByRole('heading', { name: 'The tracking server answered with an error (500)' }, { timeout: 5_000 }),
    ).toBeVisible();
    expect(screen.queryByText(/Retrying/)).toBeNull();
    // A render error, or a failure shown outside any query (the route's error page).
    render(<ErrorState error={http(503)} onRetry={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'The tracking server is unavailable (503)' })).toBeVisible();
    expect(screen.queryByText(/Retrying/)).toBeNull();
  });

  it('Retry re-runs the failed request only', async () => {
    const failing = server([http(404), 'params back']);
    const fine = server(['metrics']);
    show(
      <>
        <Panel name="params" fetcher={failing.fn} />
        <Panel name="metrics" fetcher={fine.fn} />
      </>,
    );
    await screen.findByRole('heading', { name: 'Not found' });
    expect(screen.getByText('metrics')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(await screen.findByText('params back')).toBeVisible();
    expect({ failing: failing.state.calls, fine: fine.state.calls }).toEqual({ failing: 2, fine: 1 });
  });
});
