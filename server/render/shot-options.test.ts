import { describe, expect, it } from 'vitest';
import { OptionsError } from '../options-error.ts';
import { resolveShotOptions } from './shot-options.ts';

describe('resolveShotOptions', () => {
  it('defaults to a 1280×800 PNG at scale 1 with a 60 s limit', () => {
    const options = resolveShotOptions({ target: 'http://localhost:5173/compare?runs=a,b', output: 'out.png' }, {});
    expect(options).toMatchObject({
      source: { kind: 'url', url: 'http://localhost:5173/compare?runs=a,b' },
      format: 'png',
      width: 1280,
      height: 800,
      scale: 1,
      fullPage: false,
      timeoutMs: 60_000,
      allowErrors: false,
    });
  });

  it('takes the format from the output file name', () => {
    expect(resolveShotOptions({ target: 'http://h/', output: 'Report.PDF' }, {}).format).toBe('pdf');
    expect(() => resolveShotOptions({ target: 'http://h/', output: 'out.jpg' }, {})).toThrow(/\.png or \.pdf/);
    expect(() => resolveShotOptions({ target: 'http://h/' }, {})).toThrow(/-o out\.png/);
  });

  it('joins a path to --url, keeping a base path prefix and the view parameters', () => {
    const options = resolveShotOptions(
      { target: '/compare?runs=a,b&metrics=loss', url: 'https://ml.example.com/runlens/', output: 'o.png' },
      {},
    );
    expect(options.source).toEqual({ kind: 'url', url: 'https://ml.example.com/runlens/compare?runs=a,b&metrics=loss' });
  });

  it('serves Runlens itself for a path with a tracking server, from the flag or MLFLOW_TRACKING_URI', () => {
    expect(resolveShotOptions({ target: '/experiments/1', trackingUri: 'http://mlflow:5000', output: 'o.png' }, {}).source).toEqual({
      kind: 'serve',
      path: '/experiments/1',
      trackingUri: 'http://mlflow:5000',
    });
    expect(resolveShotOptions({ target: '/', output: 'o.png' }, { MLFLOW_TRACKING_URI: 'http://env:5000' }).source).toMatchObject({
      trackingUri: 'http://env:5000',
    });
  });

  it('refuses a path with nowhere to take it from, and ambiguous sources', () => {
    expect(() => resolveShotOptions({ target: '/compare', output: 'o.png' }, {})).toThrow(/--url .* or --tracking-uri/);
    expect(() => resolveShotOptions({ target: 'compare', output: 'o.png', url: 'http://h' }, {})).toThrow(/starting with "\/"/);
    expect(() => resolveShotOptions({ target: '/', output: 'o.png', url: 'http://h', trackingUri: 'http://t' }, {})).toThrow(/not both/);
    expect(() => resolveShotOptions({ target: 'http://h/', output: 'o.png', url: 'http://h' }, {})).toThrow(/used as it is/);
    expect(() => resolveShotOptions({ output: 'o.png' }, {})).toThrow(OptionsError);
  });

  it('checks sizes, scale, theme, time zone and timeout with a message naming the flag', () => {
    const base = { target: 'http://h/', output: 'o.png' };
    expect(
      resolveShotOptions(
        { ...base, width: '800', height: '600', scale: '2', timeout: '5', theme: 'dark', tz: 'Europe/Berlin', fullPage: true },
        {},
      ),
    ).toMatchObject({
      width: 800,
      height: 600,
      scale: 2,
      timeoutMs: 5_000,
      theme: 'dark',
      tz: 'Europe/Berlin',
      fullPage: true,
    });
    expect(() => resolveShotOptions({ ...base, width: '12.5' }, {})).toThrow(/--width must be an integer/);
    expect(() => resolveShotOptions({ ...base, height: '' }, {})).toThrow(/--height/);
    expect(() => resolveShotOptions({ ...base, scale: '9' }, {})).toThrow(/--scale/);
    expect(() => resolveShotOptions({ ...base, timeout: '0' }, {})).toThrow(/--timeout/);
    expect(() => resolveShotOptions({ ...base, theme: 'auto' }, {})).toThrow(/--theme must be light or dark/);
    expect(() => resolveShotOptions({ ...base, tz: 'Mars/Olympus' }, {})).toThrow(/--tz must be an IANA time zone/);
  });
});
