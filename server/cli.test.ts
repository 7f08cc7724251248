import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli.ts';

function captureConsole() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('runlens shot (arguments)', () => {
  it('prints its help, and lists itself in the main help', async () => {
    const { out } = captureConsole();
    expect(await main(['shot', '--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/Usage: runlens shot <url\|path> -o <out\.png\|out\.pdf>/);
    expect(await main(['--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/runlens shot <url\|path>/);
  });

  it('exits 2 with the reason for unknown flags and missing arguments', async () => {
    const { err } = captureConsole();
    expect(await main(['shot', 'http://h/', '-o', 'x.png', '--colour', 'red'])).toBe(2);
    expect(err.join('\n')).toMatch(/Unknown option '--colour'/);
    expect(await main(['shot', '/compare', '-o', 'x.png'])).toBe(2);
    expect(err.join('\n')).toMatch(/a path needs --url/);
    expect(await main(['shot', 'http://h/a', 'http://h/b', '-o', 'x.png'])).toBe(2);
    expect(err.join('\n')).toMatch(/one view at a time/);
  });

  it('exits 1 saying so when the given Chromium does not exist, before starting anything', async () => {
    const { err } = captureConsole();
    expect(await main(['shot', 'http://127.0.0.1:9/', '-o', 'x.png', '--browser', '/nowhere/chromium'])).toBe(1);
    expect(err.join('\n')).toBe('runlens shot: no Chromium at "/nowhere/chromium" (not an executable file)');
  });
});

describe('runlens serve --render (arguments)', () => {
  it('refuses to start image links without a browser, and a token without --render', async () => {
    const { err } = captureConsole();
    expect(await main(['serve', '--port', '0', '--render', '--browser', '/nowhere/chromium'])).toBe(2);
    expect(err.join('\n')).toMatch(/no Chromium at "\/nowhere\/chromium"/);
    expect(await main(['serve', '--port', '0', '--render-token', 's3cret'])).toBe(2);
    expect(err.join('\n')).toMatch(/add --render/);
  });
});
