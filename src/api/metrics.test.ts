import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMetricHistory } from './metrics.ts';

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
