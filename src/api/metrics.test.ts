import { afterEach, describe, expect, it, vi } from 'vitest';
import { columnsFromPoints, pointAt, type MetricColumns } from '@/lib/series/history-columns.ts';
import { getMetricHistory, getMetricSample, refreshMetricHistory, tokenInText } from './metrics.ts';

/** The columns as rows, to compare with what was logged. */
const rows = (columns: MetricColumns) => Array.from(columns.steps, (_, i) => pointAt(columns, i));

const respond = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('getMetricHistory', () => {
  it('pages until the token runs out, always sending max_results, and normalises values', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(respond({ metrics: [{ key: 'loss', value: 'NaN', timestamp: '5', step: '1' }], next_page_token: 't1' }))
      .mockResolvedValueOnce(
        respond({
          metrics: [
            { key: 'loss', value: 1.7976931348623157e308, timestamp: 6, step: 0 },
            { key: 'loss', value: 0.5, timestamp: 7 },
          ],
        }),
      );
    vi.stubGlobal('fetch', fetchMock);
    const points = rows(await getMetricHistory('r1', 'loss'));
    expect(points).toEqual([
      { step: 0, timestamp: 6, value: Infinity },
      { step: 0, timestamp: 7, value: 0.5 },
      { step: 1, timestamp: 5, value: NaN },
    ]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    for (const [url] of fetchMock.mock.calls) expect(String(url)).toContain('max_results=25000');
    expect(String(fetchMock.mock.calls[1]![0])).toContain('page_token=t1');
  });

  it('stops on a repeated token or an empty page', async () => {
    const fetchMock = vi
      .fn()
      .mockImplementation(async () => respond({ metrics: [{ value: 1, step: 1, timestamp: 1 }], next_page_token: 'same' }));
    vi.stubGlobal('fetch', fetchMock);
    await getMetricHistory('r1', 'loss');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  // Steps are int64; JSON.parse rounds 2^53 + 1 to 2^53. The body is sent as MLflow writes it:
  // bare JSON numbers.
  it('keeps the digits of steps past 2^53', async () => {
    const body =
      '{"metrics":[{"key":"loss","value":1,"timestamp":1,"step":9007199254740993},{"key":"loss","value":2,"timestamp":2,"step":4611686018427387904},{"key":"loss","value":3,"timestamp":3,"step":12}]}';
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })));
    const points = rows(await getMetricHistory('r1', 'loss'));
    // Sorted by step: the small one first, with no exactStep (a safe integer needs none).
    expect(points.map((p) => p.exactStep)).toEqual([undefined, '9007199254740993', '4611686018427387904']);
    expect(points[0]).toEqual({ step: 12, timestamp: 3, value: 3 });
    expect(points[1]!.step).toBe(2 ** 53);
  });
});

describe('asking for the next history page while this one is parsed', () => {
  const page = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  const tokenOf = (call: unknown[]) => new URL(String(call[0]), 'http://runlens.test').searchParams.get('page_token');
  const signalOf = (call: unknown[]) => (call[1] as RequestInit).signal!;

  it('reads the token from the text, as a guess', () => {
    expect(tokenInText('{"metrics":[],"next_page_token":"eyJvZmZzZXQiOiAyNTAwMH0="}')).toBe('eyJvZmZzZXQiOiAyNTAwMH0=');
    expect(tokenInText('{"metrics":[], "next_page_token" : "a\\"b"}')).toBe('a"b');
    expect(tokenInText('{"metrics":[{"key":"next_page_token","value":1}]}')).toBeUndefined();
    expect(tokenInText('{"metrics":[],"next_page_token":""}')).toBeUndefined();
  });

  it('sends the next request before the page is parsed, and cancels it when the page fails its check', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(page('{"metrics":"not a list","next_page_token":"t1"}'))
      .mockImplementation(() => new Promise(() => undefined));
    vi.stubGlobal('fetch', fetchMock);
    await expect(getMetricHistory('r1', 'loss')).rejects.toThrow(/unexpected response shape/);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(tokenOf(fetchMock.mock.calls[1]!)).toBe('t1');
    expect(signalOf(fetchMock.mock.calls[1]!).aborted).toBe(true);
  });

  it('asks again with the parsed token when the guess was wrong, cancelling the guess', async () => {
    const fetchMock = vi
      .fn()
      // A nested object carries the key last: the text's guess is "wrong", the parse says "right".
      .mockResolvedValueOnce(
        page('{"next_page_token":"right","metrics":[{"value":1,"step":1,"timestamp":1}],"x":{"next_page_token":"wrong"}}'),
      )
      .mockImplementationOnce(() => new Promise(() => undefined))
      .mockResolvedValueOnce(page('{"metrics":[{"value":2,"step":2,"timestamp":2}]}'));
    vi.stubGlobal('fetch', fetchMock);
    const points = rows(await getMetricHistory('r1', 'loss'));
    expect(points.map((p) => p.value)).toEqual([1, 2]);
    expect(fetchMock.mock.calls.map(tokenOf)).toEqual([null, 'wrong', 'right']);
    expect(signalOf(fetchMock.mock.calls[1]!).aborted).toBe(true);
  });
});

describe('refreshMetricHistory (live refresh)', () => {
  const loadedRows = [
    { step: 0, timestamp: 1, value: 5 },
    { step: 1, timestamp: 2, value: 4 },
    { step: 2, timestamp: 3, value: 3 },
  ];
  const loaded = columnsFromPoints(loadedRows);

  it('asks only for the points from the last loaded step on and splices them in', async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      respond({
        metrics: [
          { key: 'loss', value: 3, timestamp: 3, step: 2, run_id: 'r1' },
          { key: 'loss', value: 2, timestamp: 4, step: 3, run_id: 'r1' },
          { key: 'loss', value: 1, timestamp: 5, step: 4, run_id: 'r1' },
        ],
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const points = rows(await refreshMetricHistory('r1', 'loss', loaded));
    expect(points.map((p) => [p.step, p.value])).toEqual([
      [0, 5],
      [1, 4],
      [2, 3],
      [3, 2],
      [4, 1],
    ]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const url = String(fetchMock.mock.calls[0]![0]);
    expect(url).toContain('/metrics/get-history-bulk-interval?');
    expect(url).toContain('start_step=2');
    expect(url).toContain('end_step=9223372036854775807');
  });

  it('loads the whole history when the server has no bulk-interval endpoint', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response(JSON.stringify({ error_code: 'ENDPOINT_NOT_FOUND', message: 'nope' }), { status: 404 }))
      .mockResolvedValueOnce(respond({ metrics: [...loadedRows, { step: 3, timestamp: 4, value: 2 }] }));
    vi.stubGlobal('fetch', fetchMock);
    const points = await refreshMetricHistory('r1', 'loss', loaded);
    expect(points.steps).toHaveLength(4);
    expect(String(fetchMock.mock.calls[1]![0])).toContain('/metrics/get-history?');
  });

  it('loads the whole history when the answer may be sampled (2,500 points) or is empty', async () => {
    const full = Array.from({ length: 2500 }, (_, i) => ({ step: 2 + i, timestamp: i, value: i }));
    for (const tail of [full, []]) {
      const fetchMock = vi
        .fn()
        .mockResolvedValueOnce(respond({ metrics: tail }))
        .mockResolvedValueOnce(respond({ metrics: loadedRows }));
      vi.stubGlobal('fetch', fetchMock);
      await refreshMetricHistory('r1', 'loss', loaded);
      expect(String(fetchMock.mock.calls[1]![0])).toContain('/metrics/get-history?');
    }
  });
});

describe('getMetricSample (a first draw while every point loads)', () => {
  it('asks for every run in one request and splits the answer by run, in step order', async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      respond({
        metrics: [
          { key: 'loss', value: 2, timestamp: 20, step: 500, run_id: 'a' },
          { key: 'loss', value: 'NaN', timestamp: 10, step: 0, run_id: 'a' },
          { key: 'loss', value: 7, timestamp: 1, step: 0, run_id: 'b' },
        ],
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const sample = await getMetricSample(['a', 'b'], 'loss');
    expect(rows(sample!.get('a')!)).toEqual([
      { step: 0, timestamp: 10, value: NaN },
      { step: 500, timestamp: 20, value: 2 },
    ]);
    expect(rows(sample!.get('b')!)).toEqual([{ step: 0, timestamp: 1, value: 7 }]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const url = String(fetchMock.mock.calls[0]![0]);
    expect(url).toContain('/metrics/get-history-bulk-interval?run_ids=a&run_ids=b&metric_key=loss&max_results=2500');
    expect(url).not.toContain('start_step');
  });

  it('is null, not an error, on a server without the endpoint', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(new Response(JSON.stringify({ error_code: 'ENDPOINT_NOT_FOUND', message: 'nope' }), { status: 404 })),
    );
    await expect(getMetricSample(['a'], 'loss')).resolves.toBeNull();
  });

  it('asks for at most 100 runs a request', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => respond({ metrics: [] }));
    vi.stubGlobal('fetch', fetchMock);
    await getMetricSample(
      Array.from({ length: 150 }, (_, i) => `r${i}`),
      'loss',
    );
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(String(fetchMock.mock.calls[1]![0]).match(/run_ids=/g)).toHaveLength(50);
  });
});
