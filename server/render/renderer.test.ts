import { describe, expect, it } from 'vitest';
import { renderModeUrl } from './renderer.ts';

describe('renderModeUrl', () => {
  it("adds render=1 and keeps the view's own parameters", () => {
    const url = new URL(renderModeUrl('http://127.0.0.1:5173/compare?runs=a,b&metrics=loss&smoothing=0.5'));
    expect(url.pathname).toBe('/compare');
    expect(url.searchParams.get('render')).toBe('1');
    expect(url.searchParams.get('runs')).toBe('a,b');
    expect(url.searchParams.get('metrics')).toBe('loss');
    expect(url.searchParams.get('smoothing')).toBe('0.5');
  });

  it('passes theme and time zone through, over the URL’s own, and leaves them out when not given', () => {
    const url = new URL(renderModeUrl('http://h/experiments/1?theme=light', { theme: 'dark', tz: 'Europe/Berlin' }));
    expect(url.searchParams.get('theme')).toBe('dark');
    expect(url.searchParams.get('tz')).toBe('Europe/Berlin');
    const plain = new URL(renderModeUrl('http://h/experiments/1?render=0'));
    expect(plain.searchParams.getAll('render')).toEqual(['1']);
    expect(plain.searchParams.has('theme')).toBe(false);
    expect(plain.searchParams.has('tz')).toBe(false);
  });
});
