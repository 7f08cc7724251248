// @vitest-environment jsdom
// The portal's script as a portal runs it: the file's text evaluated in a browser-like window.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../public/runlens-embed.js');
const RUNLENS = 'https://runlens.corp';
const envelope = { protocol: 'runlens-embed', version: 1 };

interface RunlensEmbedApi {
  setTheme(frame: HTMLIFrameElement, theme: string): void;
  highlightRun(frame: HTMLIFrameElement, runId: string | null): void;
}
const api = () => (window as unknown as { RunlensEmbed: RunlensEmbedApi }).RunlensEmbed;

function addFrame(src: string, attributes: Record<string, string> = { 'data-runlens': '' }): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  for (const [name, value] of Object.entries(attributes)) frame.setAttribute(name, value);
  frame.src = src;
  document.body.append(frame);
  return frame;
}

/** A message as the browser delivers it to the portal: from a window, with that window's origin. */
function deliver(data: unknown, origin: string, source: unknown) {
  const event = new MessageEvent('message', { data, origin });
  Object.defineProperty(event, 'source', { value: source });
  window.dispatchEvent(event);
}

const flushMutations = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeAll(() => {
  // A portal's page already has its frames when the script runs (the script at the end of body).
  addFrame(`${RUNLENS}/experiments/1?embed=true`, { 'data-runlens': '', id: 'early' });
  new Function(readFileSync(SCRIPT, 'utf8'))();
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('runlens-embed.js', () => {
  // First: afterEach empties the page.
  it('names frames that were there before it ran, and frames added later', async () => {
    expect(new URL(document.querySelector('iframe')!.src).searchParams.get('frameId')).toBe('early');
    const later = addFrame(`${RUNLENS}/compare?runs=a,b`);
    const named = addFrame(`${RUNLENS}/compare?frameId=mine`);
    const other = addFrame(`${RUNLENS}/compare`, {});
    await flushMutations();
    expect(new URL(later.src).searchParams.get('frameId')).toMatch(/^runlens-\d+$/);
    expect(new URL(later.src).searchParams.get('runs')).toBe('a,b');
    expect(new URL(named.src).searchParams.get('frameId')).toBe('mine');
    expect(new URL(other.src).searchParams.has('frameId')).toBe(false);
  });

  it('keeps the frame id when the portal points a frame elsewhere', async () => {
    const frame = addFrame(`${RUNLENS}/experiments/1`, { 'data-runlens': '', id: 'left' });
    await flushMutations();
    frame.src = `${RUNLENS}/experiments/2`;
    await flushMutations();
    expect(frame.src).toBe(`${RUNLENS}/experiments/2?frameId=left`);
  });

  it('sizes a frame from its own height messages, and fires events with the message', async () => {
    const frame = addFrame(`${RUNLENS}/experiments/1?embed=true`);
    await flushMutations();
    const events: CustomEvent[] = [];
    for (const type of ['height', 'ready', 'run-click', 'selection'])
      frame.addEventListener(`runlens:${type}`, (event) => events.push(event as CustomEvent));
    deliver({ ...envelope, type: 'height', height: 480.3, frameId: 'runlens-1' }, RUNLENS, frame.contentWindow);
    deliver({ ...envelope, type: 'ready', errors: 0, url: frame.src }, RUNLENS, frame.contentWindow);
    deliver({ ...envelope, type: 'run-click', runId: 'r1', experimentId: '1' }, RUNLENS, frame.contentWindow);
    deliver({ ...envelope, type: 'selection', runIds: ['r1'] }, RUNLENS, frame.contentWindow);
    expect(frame.style.height).toBe('481px');
    expect(events.map((event) => [event.type, event.detail.type])).toEqual([
      ['runlens:height', 'height'],
      ['runlens:ready', 'ready'],
      ['runlens:run-click', 'run-click'],
      ['runlens:selection', 'selection'],
    ]);
    expect(events[2]!.detail).toMatchObject({ runId: 'r1', experimentId: '1' });
  });

  it('ignores messages from another origin, another window, or of another shape', async () => {
    const frame = addFrame(`${RUNLENS}/experiments/1`);
    const sibling = addFrame(`${RUNLENS}/experiments/2`);
    await flushMutations();
    frame.style.height = '150px';
    const ready = vi.fn();
    frame.addEventListener('runlens:ready', ready);
    const height = (value: unknown) => ({ ...envelope, type: 'height', height: value });
    deliver(height(900), 'https://evil.example', frame.contentWindow);
    deliver(height(900), RUNLENS, sibling.contentWindow);
    deliver(height(900), RUNLENS, window);
    deliver(height(900), RUNLENS, null);
    deliver({ ...height(900), version: 2 }, RUNLENS, frame.contentWindow);
    deliver({ ...height(900), protocol: 'other' }, RUNLENS, frame.contentWindow);
    deliver(height('900'), RUNLENS, frame.contentWindow);
    deliver(height(-5), RUNLENS, frame.contentWindow);
    deliver(height(Number.NaN), RUNLENS, frame.contentWindow);
    deliver('height 900', RUNLENS, frame.contentWindow);
    deliver(null, RUNLENS, frame.contentWindow);
    deliver({ ...envelope, type: 'ready', errors: 0 }, 'https://evil.example', frame.contentWindow);
    expect(frame.style.height).toBe('150px');
    expect(ready).not.toHaveBeenCalled();
  });

  it('posts theme and highlight messages to the frame, for its origin only', async () => {
    const frame = addFrame(`${RUNLENS}/compare?runs=a`);
    await flushMutations();
    const post = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => undefined);
    api().setTheme(frame, 'dark');
    api().highlightRun(frame, 'a');
    api().highlightRun(frame, null);
    expect(post.mock.calls).toEqual([
      [{ ...envelope, type: 'set-theme', theme: 'dark' }, RUNLENS],
      [{ ...envelope, type: 'highlight-run', runId: 'a' }, RUNLENS],
      [{ ...envelope, type: 'highlight-run', runId: null }, RUNLENS],
    ]);
  });

  it('stays under 3 KB', () => {
    expect(readFileSync(SCRIPT).byteLength).toBeLessThan(3000);
  });
});
