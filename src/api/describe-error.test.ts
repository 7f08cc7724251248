// The messages a user sees for each fault between Runlens and the tracking server, from the
// HTTP answer the browser gets to the words on screen.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { requestJson } from './client.ts';
import { describeError, type ErrorDescription } from './describe-error.ts';

async function shown(response: () => Response | Promise<Response>): Promise<ErrorDescription> {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => response()),
  );
  try {
    await requestJson({ path: '/mlflow/api/2.0/mlflow/experiments/search' }, z.object({}));
  } catch (err) {
    return describeError(err);
  }
  throw new Error('expected a failure');
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => vi.unstubAllGlobals());

describe('describeError, per fault', () => {
  it('500 with MLflow’s JSON: its message and code, retried', async () => {
    expect(await shown(json(500, { error_code: 'INTERNAL_ERROR', message: '(sqlite3.OperationalError) database is locked' }))).toEqual({
      title: 'The tracking server answered with an error (500)',
      message: '(sqlite3.OperationalError) database is locked',
      errorCode: 'INTERNAL_ERROR',
      recoverable: true,
    });
  });

  it('500 with an HTML page: its title, retried', async () => {
    const page = '<html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1></body></html>';
    expect(await shown(() => new Response(page, { status: 500, headers: { 'content-type': 'text/html' } }))).toEqual({
      title: 'The tracking server answered with an error (500)',
      message: '500 Internal Server Error',
      recoverable: true,
    });
  });

  it('401: how to give credentials, not retried', async () => {
    expect(await shown(json(401, { error_code: 'UNAUTHENTICATED', message: 'You are not authenticated.' }))).toEqual({
      title: 'The tracking server wants credentials (401)',
      message: 'You are not authenticated.',
      errorCode: 'UNAUTHENTICATED',
      hint: 'Start Runlens with MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD.',
      recoverable: false,
    });
  });

  it("401 passed on from the artifact store (the server's S3 keys): says whose credentials, not the user's", async () => {
    const message = 'Failed to list artifacts in s3://runlens-e2e: The AWS Access Key Id you provided does not exist in our records.';
    expect(await shown(json(401, { error_code: 'UNAUTHENTICATED', message }))).toMatchObject({
      title: 'The artifact store refused the tracking server (401)',
      message,
      hint: expect.stringContaining('your sign-in is fine'),
      recoverable: false,
    });
  });

  it('403 in text/plain from MLflow’s security middleware: the flag to set, not retried', async () => {
    const text = 'Invalid Host header - possible DNS rebinding attack detected';
    expect(await shown(() => new Response(text, { status: 403, headers: { 'content-type': 'text/plain' } }))).toEqual({
      title: 'The tracking server refused access (403)',
      message: text,
      hint: 'MLflow ≥ 3.5 refuses unknown Host headers: start it with --allowed-hosts including the host Runlens uses.',
      recoverable: false,
    });
  });

  it('429 with Retry-After: how long the server asked to wait', async () => {
    expect(
      await shown(
        json(429, { error_code: 'RESOURCE_EXHAUSTED', message: 'Too many requests: try again in 2 seconds.' }, { 'retry-after': '2' }),
      ),
    ).toEqual({
      title: 'The tracking server is rate limiting',
      message: 'Too many requests: try again in 2 seconds.',
      errorCode: 'RESOURCE_EXHAUSTED',
      hint: 'It asked Runlens to wait 2 seconds before trying again.',
      recoverable: true,
    });
  });

  it('429 without Retry-After: backing off', async () => {
    expect(await shown(() => new Response('Too many requests.', { status: 429, headers: { 'content-type': 'text/plain' } }))).toEqual({
      title: 'The tracking server is rate limiting',
      message: 'Too many requests.',
      hint: 'Runlens waits longer between attempts until it is let through.',
      recoverable: true,
    });
  });

  it('a hang or a refused connection, as the Runlens proxy reports them', async () => {
    for (const reason of ['timed out', 'connection refused']) {
      const message = `cannot reach http://127.0.0.1:5000: ${reason}`;
      expect(await shown(json(502, { error_code: 'RUNLENS_UPSTREAM_UNREACHABLE', message }))).toEqual({
        title: 'Cannot reach the tracking server',
        message,
        hint: 'Is `mlflow server` running at that address, and answering?',
        recoverable: true,
      });
    }
  });

  it('a body cut off mid-way', async () => {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"experiments": [')),
      pull: (controller) => controller.error(new TypeError('network error')),
    });
    expect(await shown(() => new Response(body, { status: 200, headers: { 'content-length': '5000' } }))).toEqual({
      title: 'The response was cut off',
      message: 'the response was cut off before it ended',
      hint: 'The connection dropped before the whole answer arrived; this is usually temporary.',
      recoverable: true,
    });
  });

  it('Runlens itself gone', async () => {
    expect(await shown(() => Promise.reject(new TypeError('Failed to fetch')))).toMatchObject({
      title: 'Cannot reach Runlens',
      recoverable: true,
    });
  });
});
