import { describe, expect, it } from 'vitest';
import { carryViewOptions, resolveViewOptions, withoutEmbedOptions } from './view-options.ts';

const opts = (search: string) => resolveViewOptions(new URLSearchParams(search));

describe('resolveViewOptions', () => {
  it('defaults to the interactive page in the viewer’s theme and zone', () => {
    expect(opts('')).toMatchObject({ render: false, embed: false, theme: 'auto', timeZone: undefined });
  });

  it('renders light and in UTC unless told otherwise', () => {
    expect(opts('render=1')).toMatchObject({ render: true, embed: false, theme: 'light', timeZone: 'UTC' });
    expect(opts('render=true&theme=dark&tz=Europe/Berlin')).toMatchObject({
      render: true,
      embed: false,
      theme: 'dark',
      timeZone: 'Europe/Berlin',
    });
  });

  it('degrades bad values instead of throwing', () => {
    expect(opts('render=maybe&theme=purple&tz=Mars/Olympus')).toMatchObject({
      render: false,
      embed: false,
      theme: 'auto',
      timeZone: undefined,
    });
    expect(opts('embed=true&tz=Asia/Tokyo')).toMatchObject({ embed: true, timeZone: 'Asia/Tokyo' });
  });
});

describe('embed options', () => {
  it('resolves links, controls, background and frame id, with safe fallbacks', () => {
    const options = resolveViewOptions(new URLSearchParams('embed=true&embedLinks=new&controls=0&background=transparent&frameId=cmp-1'));
    expect(options).toMatchObject({ embed: true, embedLinks: 'new', controls: false, transparent: true, frameId: 'cmp-1' });
    const bad = resolveViewOptions(new URLSearchParams('embedLinks=popup&controls=maybe&background=red&frameId=<script>'));
    expect(bad).toMatchObject({ embedLinks: 'frame', controls: true, transparent: false, frameId: undefined });
    expect(resolveViewOptions(new URLSearchParams('render=1')).controls).toBe(false);
  });
});

describe('carryViewOptions', () => {
  it('adds the current view options to an in-app link that names none, keeping its own params and hash', () => {
    expect(carryViewOptions('/experiments/1/runs/a?tab=x#top', '?embed=true&theme=dark&runs=a,b')).toBe(
      '/experiments/1/runs/a?tab=x&embed=true&theme=dark#top',
    );
    expect(carryViewOptions('/experiments/1', '?embed=true&embedLinks=frame&frameId=f1')).toBe(
      '/experiments/1?embed=true&embedLinks=frame&frameId=f1',
    );
  });

  it('carries a signed embed link’s scope and sig to every page it reaches', () => {
    expect(carryViewOptions('/experiments/1/runs/a', '?embed=true&scope=S&sig=G')).toBe('/experiments/1/runs/a?embed=true&scope=S&sig=G');
  });

  it('leaves a link alone outside an embed, and never overrides what the link itself says', () => {
    expect(carryViewOptions('/experiments/1?x=1', '?runs=a')).toBe('/experiments/1?x=1');
    expect(carryViewOptions('/compare?theme=light', '?embed=true&theme=dark')).toBe('/compare?theme=light&embed=true');
  });
});

describe('withoutEmbedOptions', () => {
  it('drops the embed’s own options and keeps the view’s', () => {
    expect(withoutEmbedOptions('/compare?runs=a,b&embed=true&embedLinks=top&controls=0&background=transparent&frameId=f&theme=dark')).toBe(
      '/compare?runs=a%2Cb&theme=dark',
    );
  });
});

describe('refresh=', () => {
  it('polls every five seconds unless told otherwise', () => {
    expect(opts('').refreshMs).toBe(5_000);
    expect(opts('refresh=2').refreshMs).toBe(2_000);
    expect(opts('refresh=30s').refreshMs).toBe(30_000);
  });

  it('turns off with off or 0, and always in render mode (a report is one moment)', () => {
    expect(opts('refresh=off').refreshMs).toBe(false);
    expect(opts('refresh=0').refreshMs).toBe(false);
    expect(opts('render=1').refreshMs).toBe(false);
    expect(opts('render=1&refresh=2').refreshMs).toBe(false);
  });

  it('keeps a typo or an absurd period from hammering the server', () => {
    expect(opts('refresh=fast').refreshMs).toBe(5_000);
    expect(opts('refresh=0.01').refreshMs).toBe(1_000);
    expect(opts('refresh=-4').refreshMs).toBe(5_000);
    expect(opts('refresh=999999').refreshMs).toBe(3_600_000);
  });
});
