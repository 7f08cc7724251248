import { describe, expect, it } from 'vitest';
import { resolveViewOptions } from './view-options.ts';

const opts = (search: string) => resolveViewOptions(new URLSearchParams(search));

describe('resolveViewOptions', () => {
  it('defaults to the interactive page in the viewer’s theme and zone', () => {
    expect(opts('')).toEqual({ render: false, embed: false, theme: 'auto', timeZone: undefined });
  });

  it('renders light and in UTC unless told otherwise', () => {
    expect(opts('render=1')).toEqual({ render: true, embed: false, theme: 'light', timeZone: 'UTC' });
    expect(opts('render=true&theme=dark&tz=Europe/Berlin')).toEqual({ render: true, embed: false, theme: 'dark', timeZone: 'Europe/Berlin' });
  });

  it('degrades bad values instead of throwing', () => {
    expect(opts('render=maybe&theme=purple&tz=Mars/Olympus')).toEqual({ render: false, embed: false, theme: 'auto', timeZone: undefined });
    expect(opts('embed=true&tz=Asia/Tokyo')).toMatchObject({ embed: true, timeZone: 'Asia/Tokyo' });
  });
});
