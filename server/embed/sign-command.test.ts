import { describe, expect, it } from 'vitest';
import { verifyScope } from './embed-scope.ts';
import { parseExpiry, parseSignArgs, signCommand, signedViewUrl, viewOutsideScope } from './sign-command.ts';

const SECRET = 's'.repeat(40);
const env = { RUNLENS_EMBED_SECRET: SECRET };
const NOW = Date.UTC(2026, 11, 2, 12);
const DAY = 86_400_000;

describe('parseSignArgs', () => {
  it('reads the view, the scope and the secret from the environment', () => {
    expect(parseSignArgs(['/compare?runs=a,b', '--experiments', '1, 2,1', '--runs', 'a,b', '--expires', '24h'], env, NOW)).toEqual({
      view: '/compare?runs=a,b',
      scope: { experiments: ['1', '2'], runs: ['a', 'b'], expires: NOW + DAY },
      secret: SECRET,
      baseUrl: undefined,
    });
  });

  it('defaults to 7 days; --secret and --url are taken', () => {
    const parsed = parseSignArgs(
      ['/experiments/1', '--experiments=1', '--secret', 'x'.repeat(32), '--url', 'https://runlens.example.com'],
      {},
      NOW,
    );
    expect(parsed).toMatchObject({
      scope: { experiments: ['1'], runs: [], expires: NOW + 7 * DAY },
      secret: 'x'.repeat(32),
      baseUrl: 'https://runlens.example.com',
    });
  });

  it('explains what is missing or wrong', () => {
    expect(() => parseSignArgs(['/compare?runs=a'], env, NOW)).toThrow(/--experiments and\/or --runs/);
    expect(() => parseSignArgs(['/compare?runs=a', '--runs', 'a'], {}, NOW)).toThrow(/RUNLENS_EMBED_SECRET/);
    expect(() => parseSignArgs(['/compare?runs=a', '--runs', 'a'], { RUNLENS_EMBED_SECRET: 'short' }, NOW)).toThrow(
      /--embed-secret must be at least 32 bytes/,
    );
    expect(() => parseSignArgs(['--runs', 'a'], env, NOW)).toThrow(/one view/);
    expect(() => parseSignArgs(['//evil.example/x', '--runs', 'a'], env, NOW)).toThrow(/Runlens path/);
    expect(() => parseSignArgs(['javascript:alert(1)', '--runs', 'a'], env, NOW)).toThrow(/Runlens path/);
    expect(() => parseSignArgs(['/compare', '--runs', 'a', '--url', 'ftp://x'], env, NOW)).toThrow(/--url/);
    expect(() => parseSignArgs(['/compare', '--runs', 'a', '--bogus'], env, NOW)).toThrow();
  });

  it('refuses a view the scope could not show', () => {
    expect(() => parseSignArgs(['/compare?runs=a,c', '--runs', 'a,b'], env, NOW)).toThrow(/run c/);
    expect(() => parseSignArgs(['/experiments/3/runs/a', '--experiments', '1', '--runs', 'a'], env, NOW)).toThrow(/experiment 3/);
  });
});

describe('viewOutsideScope', () => {
  const scope = { experiments: ['1', 'x y'], runs: ['a'], expires: 0 };
  it.each([
    ['/compare?runs=a', null],
    ['/compare?runs=a,b', 'run b'],
    ['/compare?experiments=1,2', 'experiment 2'],
    ['/runs?experiments=1', null],
    ['/experiments/x%20y/runs/a/metrics', null],
    ['/experiments/1/runs/b', 'run b'],
    ['/experiments/2', 'experiment 2'],
    ['https://runlens.example.com/experiments/1?x=1', null],
  ])('%s → %s', (view, outside) => {
    expect(viewOutsideScope(view, scope)).toBe(outside);
  });

  it('checks no run ids when the scope names none (any run of its experiments)', () => {
    expect(viewOutsideScope('/compare?runs=zz', { experiments: ['1'], runs: [], expires: 0 })).toBeNull();
  });
});

describe('parseExpiry', () => {
  it.each([
    ['30m', NOW + 30 * 60_000],
    ['24h', NOW + DAY],
    ['7d', NOW + 7 * DAY],
    ['366d', NOW + 366 * DAY],
    ['2027-01-31', Date.UTC(2027, 0, 31)],
    ['2026-12-03T08:00:00Z', Date.UTC(2026, 11, 3, 8)],
  ])('%s', (raw, expected) => {
    expect(parseExpiry(raw, NOW)).toBe(expected);
  });

  it.each([
    ['367d', /at most 366 days/],
    ['2028-01-01', /at most 366 days/],
    ['0m', /future/],
    ['2026-01-01', /future/],
    ['7 days', /30m, 24h, 7d/],
    ['1w', /30m, 24h, 7d/],
    ['2026-13-45', /30m, 24h, 7d/],
    ['', /30m, 24h, 7d/],
  ])('refuses %s', (raw, message) => {
    expect(() => parseExpiry(raw, NOW)).toThrow(message);
  });
});

describe('signedViewUrl', () => {
  const scope = { experiments: ['1'], runs: ['a', 'b'], expires: NOW + DAY };

  it('adds embed, scope and sig, keeping the view’s parameters and fragment', () => {
    const link = new URL(signedViewUrl('https://runlens.example.com', '/compare?runs=a,b&metric=loss#charts', scope, SECRET));
    expect(link.origin + link.pathname).toBe('https://runlens.example.com/compare');
    expect(link.search.startsWith('?runs=a,b&metric=loss&embed=true&scope=')).toBe(true);
    expect(link.searchParams.get('metric')).toBe('loss');
    expect(link.searchParams.get('embed')).toBe('true');
    expect(link.hash).toBe('#charts');
    expect(verifyScope(link.searchParams.get('scope'), link.searchParams.get('sig'), SECRET, NOW)).toEqual({ ok: true, scope });
  });

  it('replaces an old signature rather than adding a second one', () => {
    const once = signedViewUrl(undefined, '/compare?runs=a', scope, SECRET);
    expect(once.startsWith('/compare?runs=a&embed=true&scope=')).toBe(true);
    const twice = new URL(signedViewUrl(undefined, once, { ...scope, runs: ['a'] }, SECRET), 'http://x');
    expect(twice.searchParams.getAll('sig')).toHaveLength(1);
    expect(verifyScope(twice.searchParams.get('scope'), twice.searchParams.get('sig'), SECRET, NOW)).toMatchObject({
      ok: true,
      scope: { runs: ['a'] },
    });
  });

  it('keeps a full view URL as it is', () => {
    expect(signedViewUrl(undefined, 'http://localhost:5173/runs?experiments=1', scope, SECRET)).toMatch(
      /^http:\/\/localhost:5173\/runs\?experiments=1&embed=true&scope=/,
    );
  });
});

describe('signCommand', () => {
  it('prints the link, and when it expires', () => {
    const result = signCommand(['/compare?runs=a', '--runs', 'a', '--expires', '30m'], env, NOW);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\/compare\?runs=a&embed=true&scope=[\w-]+&sig=[\w-]{43}$/);
    expect(result.stderr).toBe('Readable by whoever holds it until 2026-12-02T12:30:00.000Z');
  });

  it('fails with the reason and the usage', () => {
    const result = signCommand(['/compare?runs=a', '--runs', 'a', '--expires', '400d'], env, NOW);
    expect(result).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^runlens sign: --expires may be at most 366 days[^]*Usage: runlens sign/),
    });
    expect(signCommand(['--help'], {}, NOW)).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: runlens sign') });
  });
});
