import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { ApiError } from './api-error.ts';
import { fetchArtifactBytes } from './artifacts.ts';
import { buildUrl, primeRequest, requestJson, requestText, setEmbedCredentialFrom } from './client.ts';

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status, headers })),
  );
}

async function failure(): Promise<ApiError> {
  try {
    await requestJson({ path: '/mlflow/x' }, z.object({}));
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

afterEach(() => vi.unstubAllGlobals());

describe('requestJson errors', () => {
  it('keeps MLflow’s error_code and message', async () => {
    respond(400, '{"error_code":"INVALID_PARAMETER_VALUE","message":"Invalid filter \'x\'"}', { 'content-type': 'application/json' });
    const error = await failure();
    expect(error).toMatchObject({ kind: 'http', status: 400, errorCode: 'INVALID_PARAMETER_VALUE', message: "Invalid filter 'x'" });
  });

  it('reads MLflow ≥ 3.5 middleware refusals sent as text/plain', async () => {
    respond(403, 'Invalid Host header - possible DNS rebinding attack detected', { 'content-type': 'text/plain' });
    expect(await failure()).toMatchObject({
      kind: 'http',
      status: 403,
      message: 'Invalid Host header - possible DNS rebinding attack detected',
    });
  });

  it('uses an HTML error page’s title, not its markup', async () => {
    respond(502, '<html><head><title>502 Bad Gateway</title></head><body><script>x</script></body></html>', {
      'content-type': 'text/html',
    });
    expect((await failure()).message).toBe('502 Bad Gateway');
  });

  it('marks an unreachable tracking server as recoverable', async () => {
    respond(502, '{"error_code":"RUNLENS_UPSTREAM_UNREACHABLE","message":"cannot reach http://127.0.0.1:5000: connection refused"}');
    const error = await failure();
    expect(error.kind).toBe('unreachable');
    expect(error.isRecoverable).toBe(true);
  });

  it('honours Retry-After on 429', async () => {
    respond(429, 'slow down', { 'retry-after': '7' });
    const error = await failure();
    expect(error).toMatchObject({ kind: 'http', status: 429, message: 'slow down', retryAfterMs: 7000 });
    expect(error.isRecoverable).toBe(true);
  });

  it('reports a network failure as such', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await failure()).toMatchObject({ kind: 'network' });
  });

  it('rejects a 2xx body of the wrong shape', async () => {
    respond(200, '{"experiments": "nope"}');
    await expect(requestJson({ path: '/x' }, z.object({ experiments: z.array(z.string()) }))).rejects.toMatchObject({
      kind: 'invalid-response',
    });
  });
});

/** A 200 whose body stops after `head`: what the browser gives when the connection drops mid-body. */
function cutOff(head: string, reason: unknown = new TypeError('network error')) {
  const bytes = new TextEncoder().encode(head);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
    },
    pull(controller) {
      controller.error(reason);
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': '1000' } });
}

describe('bodies cut off mid-way', () => {
  const truncated = { kind: 'truncated', status: 200, message: 'the response was cut off before it ended', isRecoverable: true };

  it('are a recoverable ApiError for JSON, not a bare TypeError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => cutOff('{"experiments": [{"experiment_id": "1", "na')),
    );
    const error = await failure();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(truncated);
  });

  it('are a recoverable ApiError for text', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => cutOff('3.10.')),
    );
    await expect(requestText({ path: '/mlflow/version' })).rejects.toMatchObject(truncated);
  });

  it('are a recoverable ApiError for streamed artifact bytes', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => cutOff('a,b\n1,')),
    );
    await expect(fetchArtifactBytes('/mlflow/get-artifact?path=t.csv', undefined, 1_000_000)).rejects.toMatchObject(truncated);
  });

  it('stay an abort when the caller aborted while the body arrived', async () => {
    const controller = new AbortController();
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        controller.abort(abort);
        return cutOff('{"a', abort);
      }),
    );
    const read = requestJson({ path: '/mlflow/x', signal: controller.signal }, z.object({}));
    await expect(read).rejects.toBe(abort);
    await expect(read).rejects.not.toBeInstanceOf(ApiError);
    const stream = fetchArtifactBytes('/mlflow/get-artifact?path=t.csv', undefined, 1_000_000, controller.signal);
    await expect(stream).rejects.toBe(abort);
  });
});

describe('Retry-After', () => {
  it('reads an HTTP date', async () => {
    respond(429, 'slow down', { 'retry-after': new Date(Date.now() + 60_000).toUTCString() });
    const { retryAfterMs } = await failure();
    expect(retryAfterMs).toBeGreaterThan(58_000);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('ignores values that are neither seconds nor a date', async () => {
    for (const header of ['-5', '7.5', 'soon', '']) {
      respond(503, 'busy', { 'retry-after': header });
      expect((await failure()).retryAfterMs, header).toBeUndefined();
    }
  });
});

describe('buildUrl', () => {
  it('encodes every value and repeats arrays', () => {
    expect(buildUrl('/p', { filter: "name ILIKE '%a b%'", order_by: ['name ASC', 'experiment_id'], skip: undefined })).toBe(
      '/p?filter=name+ILIKE+%27%25a+b%25%27&order_by=name+ASC&order_by=experiment_id',
    );
  });

  it('adds a signed embed link’s credential to every proxied request, and to nothing else', () => {
    setEmbedCredentialFrom('?embed=true&scope=S-1&sig=G_2');
    try {
      expect(buildUrl('/mlflow/api/2.0/mlflow/runs/get', { run_id: 'r' })).toBe(
        '/mlflow/api/2.0/mlflow/runs/get?run_id=r&runlens_scope=S-1&runlens_sig=G_2',
      );
      expect(buildUrl('/mlflow/version')).toBe('/mlflow/version?runlens_scope=S-1&runlens_sig=G_2');
      expect(buildUrl('/runlens/config.json')).toBe('/runlens/config.json');
    } finally {
      setEmbedCredentialFrom('');
    }
    expect(buildUrl('/mlflow/version')).toBe('/mlflow/version');
  });
});

describe('primeRequest', () => {
  const schema = z.object({ n: z.number() });
  const spec = { method: 'POST' as const, path: '/mlflow/api/2.0/mlflow/runs/search', body: { experiment_ids: ['1'], max_results: 50 } };

  it('hands its response to the first identical request only', async () => {
    let calls = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ n: ++calls }))),
    );
    primeRequest(spec);
    expect(calls).toBe(1);
    expect(await requestJson(spec, schema)).toEqual({ n: 1 });
    // Taken once: the next identical request is sent again (a refetch must see fresh data).
    expect(await requestJson(spec, schema)).toEqual({ n: 2 });
  });

  it('is not used by a request with another body', async () => {
    let calls = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ n: ++calls }))),
    );
    primeRequest(spec);
    expect(await requestJson({ ...spec, body: { experiment_ids: ['2'], max_results: 50 } }, schema)).toEqual({ n: 2 });
  });

  it('sends the request again when the primed one failed on the network', async () => {
    let calls = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return new Response(JSON.stringify({ n: calls }));
      }),
    );
    primeRequest(spec);
    expect(await requestJson(spec, schema)).toEqual({ n: 2 });
  });

  it('passes a primed error response on as the usual ApiError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"no such experiment"}', { status: 404 })),
    );
    primeRequest(spec);
    await expect(requestJson(spec, schema)).rejects.toMatchObject({ status: 404, message: 'no such experiment' });
  });
});
