import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, liveViewUrl, pngFileName, reportCommand } from './report-command.ts';

describe('liveViewUrl', () => {
  it('joins a path to the Runlens base, keeping a reverse-proxy prefix and the view’s parameters', () => {
    expect(liveViewUrl('/experiments/1?searchFilter=a%20b', 'http://127.0.0.1:5173')).toBe(
      'http://127.0.0.1:5173/experiments/1?searchFilter=a%20b',
    );
    expect(liveViewUrl('/compare?runs=a,b', 'https://tools.example.com/runlens/')).toBe(
      'https://tools.example.com/runlens/compare?runs=a,b',
    );
    expect(liveViewUrl('/', 'http://h:1/')).toBe('http://h:1/');
  });

  it('takes a full URL as it is, and drops render=1 (the live view is the interactive one)', () => {
    expect(liveViewUrl('http://other:5173/compare?runs=a&render=1&theme=dark', 'http://127.0.0.1:5173/')).toBe(
      'http://other:5173/compare?runs=a&theme=dark',
    );
  });
});

describe('pngFileName', () => {
  it('numbers in spec order and names by the caption, safe for any file system', () => {
    expect(pngFileName(0, 'All runs under 1.0 RMSE')).toBe('01-all-runs-under-1-0-rmse.png');
    expect(pngFileName(11, '../../etc/passwd <x>')).toBe('12-etc-passwd-x.png');
    expect(pngFileName(2, 'Ärger über Äpfel')).toBe('03-arger-uber-apfel.png');
    expect(pngFileName(3, '日本語')).toBe('04-view.png');
    expect(pngFileName(4, 'x'.repeat(100))).toBe(`05-${'x'.repeat(60)}.png`);
  });
});

describe('formatDate', () => {
  it('is UTC to the minute, the same on every machine', () => {
    expect(formatDate(new Date('2026-12-02T08:30:59.999Z'))).toBe('2026-12-02 08:30 UTC');
  });
});

describe('reportCommand usage errors', () => {
  const errors: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    errors.length = 0;
  });
  const run = async (argv: string[]) => {
    vi.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message));
    return reportCommand(argv, () => {
      throw new Error('not served in these tests');
    });
  };

  it('exits 2 naming what is missing or contradictory, before starting anything', async () => {
    expect(await run([])).toBe(2);
    expect(errors[0]).toContain('name the report spec');
    expect(await run(['spec.yaml'])).toBe(2);
    expect(errors[1]).toContain('-o <report.pdf> and/or --png-dir <dir>');
    expect(await run(['spec.yaml', '-o', 'r.pdf', '--url', 'http://a', '--tracking-uri', 'http://b'])).toBe(2);
    expect(errors[2]).toContain('--url and --tracking-uri exclude each other');
    expect(await run(['spec.yaml', '-o', 'r.pdf', '--timeout', 'soon'])).toBe(2);
    expect(errors[3]).toContain('--timeout must be a positive number of seconds, got "soon"');
    expect(await run(['spec.yaml', '-o', 'r.pdf', '--colour', 'red'])).toBe(2);
    expect(errors[4]).toContain("Unknown option '--colour'");
  });

  it('exits 2 when the spec file is not there', async () => {
    expect(await run(['/nonexistent/report.yaml', '-o', 'r.pdf', '--url', 'http://127.0.0.1:1'])).toBe(2);
    expect(errors[0]).toBe('runlens report: no spec file at /nonexistent/report.yaml');
  });
});
