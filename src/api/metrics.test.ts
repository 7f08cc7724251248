import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMetricHistory, refreshMetricHistory } from './metrics.ts';

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
    const points = await getMetricHistory('r1', 'loss');
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
    const points = await getMetricHistory('r1', 'loss');
    // Sorted by step: the small one first, with no exactStep (a safe integer needs none).
    expect(points.map((p) => p.exactStep)).toEqual([undefined, '9007199254740993', '4611686018427387904']);
    expect(points[0]).toEqual({ step: 12, timestamp: 3, value: 3 });
    expect(points[1]!.step).toBe(2 ** 53);
  });
});

describe('refreshMetricHistory (live refresh)', () => {
  const loaded = [
    { step: 0, timestamp: 1, value: 5 },
    { step: 1, timestamp: 2, value: 4 },
    { step: 2, timestamp: 3, value: 3 },
  ];

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
    const points = await refreshMetricHistory('r1', 'loss', loaded);
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
      .mockResolvedValueOnce(respond({ metrics: [...loaded, { step: 3, timestamp: 4, value: 2 }] }));
    vi.stubGlobal('fetch', fetchMock);
    const points = await refreshMetricHistory('r1', 'loss', loaded);
    expect(points).toHaveLength(4);
    expect(String(fetchMock.mock.calls[1]![0])).toContain('/metrics/get-history?');
  });

  it('loads the whole history when the answer may be sampled (2,500 points) or is empty', async () => {
    const full = Array.from({ length: 2500 }, (_, i) => ({ step: 2 + i, timestamp: i, value: i }));
    for (const tail of [full, []]) {
      const fetchMock = vi
        .fn()
        .mockResolvedValueOnce(respond({ metrics: tail }))
        .mockResolvedValueOnce(respond({ metrics: loaded }));
      vi.stubGlobal('fetch', fetchMock);
      await refreshMetricHistory('r1', 'loss', loaded);
      expect(String(fetchMock.mock.calls[1]![0])).toContain('/metrics/get-history?');
    }
  });
});
