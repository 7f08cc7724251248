import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMBED_PROTOCOL, EMBED_VERSION, type InboundMessage } from '@/lib/embed/messages.ts';
import { useEmbedBridge, type EmbedBridgeOptions } from './use-embed-bridge.ts';

const PORTAL = 'https://portal.example.com';
const OTHER = 'https://other.example.com';
const envelope = { protocol: EMBED_PROTOCOL, version: EMBED_VERSION };

/** jsdom has no ResizeObserver; this one reports when the test says the page resized. */
class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  observed: Element[] = [];
  constructor(readonly callback: () => void) {
    FakeResizeObserver.instances.push(this);
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.observed = [];
  }
}

let height = 0;
let parent: { postMessage: ReturnType<typeof vi.fn> };
const root = document.documentElement;
// jsdom's window.parent is an own, configurable accessor: replaced per test, then put back.
const topParent = Object.getOwnPropertyDescriptor(window, 'parent')!;
const restoreParent = () => Object.defineProperty(window, 'parent', topParent);

function resizeTo(next: number) {
  height = next;
  act(() => FakeResizeObserver.instances.forEach((observer) => observer.observed.length > 0 && observer.callback()));
}

function sent() {
  return parent.postMessage.mock.calls.map(([data, origin]) => ({ data: data as Record<string, unknown>, origin: origin as string }));
}

/** A message event as the browser builds it: source is the sending window. */
function receive(data: unknown, origin: string, source: unknown = parent) {
  const event = new MessageEvent('message', { data, origin });
  Object.defineProperty(event, 'source', { value: source });
  act(() => void window.dispatchEvent(event));
}

function renderBridge(overrides: Partial<EmbedBridgeOptions> = {}) {
  const onInbound = vi.fn<(message: InboundMessage) => void>();
  const options: EmbedBridgeOptions = { enabled: true, allowedOrigins: [PORTAL], frameId: 'left', onInbound, ...overrides };
  const hook = renderHook((props: EmbedBridgeOptions) => useEmbedBridge(props), { initialProps: options });
  return { ...hook, onInbound };
}

beforeEach(() => {
  FakeResizeObserver.instances = [];
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  parent = { postMessage: vi.fn() };
  Object.defineProperty(window, 'parent', { configurable: true, value: parent });
  vi.spyOn(root, 'getBoundingClientRect').mockImplementation(() => DOMRect.fromRect({ x: 0, y: 0, width: 800, height }));
  height = 300.2;
  root.dataset.runlensState = 'loading';
});

afterEach(() => {
  restoreParent();
  Reflect.deleteProperty(document, 'referrer');
  delete root.dataset.runlensState;
  delete root.dataset.runlensErrors;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useEmbedBridge', () => {
  it('posts the height in whole px on mount and whenever it changes, to the listed origin only', () => {
    renderBridge({ allowedOrigins: [PORTAL, 'https://*.corp.example'] });
    resizeTo(300.2);
    resizeTo(640);
    expect(sent()).toEqual([
      { data: { ...envelope, type: 'height', height: 301, frameId: 'left' }, origin: PORTAL },
      { data: { ...envelope, type: 'height', height: 640, frameId: 'left' }, origin: PORTAL },
    ]);
    expect(FakeResizeObserver.instances[0]!.observed).toEqual([root, document.body]);
  });

  it('posts only to the parent when the referrer names a listed parent', () => {
    Object.defineProperty(document, 'referrer', { configurable: true, value: `${OTHER}/dashboards/7` });
    renderBridge({ allowedOrigins: [PORTAL, OTHER] });
    expect(sent().map((message) => message.origin)).toEqual([OTHER]);
  });

  it('posts to every listed origin when the parent is unknown, never to *', () => {
    renderBridge({ allowedOrigins: [PORTAL, OTHER, '*'] });
    expect(sent().map((message) => message.origin)).toEqual([PORTAL, OTHER]);
  });

  it('posts ready each time the page becomes ready, with its error count and URL', async () => {
    renderBridge();
    parent.postMessage.mockClear();
    root.dataset.runlensErrors = '2';
    root.dataset.runlensState = 'ready';
    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    // Set again by the next settle: not news.
    root.dataset.runlensState = 'ready';
    root.dataset.runlensErrors = '0';
    root.dataset.runlensState = 'loading';
    await Promise.resolve();
    root.dataset.runlensState = 'ready';
    await vi.waitFor(() => expect(sent()).toHaveLength(2));
    expect(sent()).toEqual([
      { data: { ...envelope, type: 'ready', errors: 2, url: location.href, frameId: 'left' }, origin: PORTAL },
      { data: { ...envelope, type: 'ready', errors: 0, url: location.href, frameId: 'left' }, origin: PORTAL },
    ]);
  });

  it('posts ready at once when the page was ready before the bridge started', () => {
    root.dataset.runlensState = 'ready';
    renderBridge({ frameId: undefined });
    expect(sent().map((message) => message.data)).toContainEqual({ ...envelope, type: 'ready', errors: 0, url: location.href });
  });

  it('posts run clicks and selections', () => {
    const { result } = renderBridge();
    parent.postMessage.mockClear();
    result.current.postRunClick('r1', '7');
    result.current.postSelection(['r1', 'r2']);
    expect(sent()).toEqual([
      { data: { ...envelope, type: 'run-click', runId: 'r1', experimentId: '7', frameId: 'left' }, origin: PORTAL },
      { data: { ...envelope, type: 'selection', runIds: ['r1', 'r2'], frameId: 'left' }, origin: PORTAL },
    ]);
  });

  it('hands on well-formed messages from the parent at a listed origin, and nothing else', () => {
    const { onInbound } = renderBridge();
    receive({ ...envelope, type: 'set-theme', theme: 'dark' }, PORTAL);
    receive({ ...envelope, type: 'set-theme', theme: 'light' }, OTHER);
    receive({ ...envelope, type: 'set-theme', theme: 'light' }, PORTAL, window);
    receive({ ...envelope, type: 'set-theme', theme: 'neon' }, PORTAL);
    receive('highlight-run r1', PORTAL);
    receive({ type: 'highlight-run', runId: 'r1' }, PORTAL);
    receive({ ...envelope, type: 'highlight-run', runId: 'r1' }, PORTAL);
    expect(onInbound.mock.calls).toEqual([[{ type: 'set-theme', theme: 'dark' }], [{ type: 'highlight-run', runId: 'r1' }]]);
  });

  it('uses the latest handler and origins without restarting', () => {
    const { rerender, onInbound } = renderBridge();
    const next = vi.fn();
    rerender({ enabled: true, allowedOrigins: [OTHER], frameId: 'left', onInbound: next });
    receive({ ...envelope, type: 'highlight-run', runId: null }, PORTAL);
    receive({ ...envelope, type: 'highlight-run', runId: null }, OTHER);
    expect(onInbound).not.toHaveBeenCalled();
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('is silent when disabled or not framed', () => {
    const disabled = renderBridge({ enabled: false });
    disabled.result.current.postRunClick('r1', '7');
    receive({ ...envelope, type: 'set-theme', theme: 'dark' }, PORTAL);
    expect(disabled.onInbound).not.toHaveBeenCalled();
    disabled.unmount();
    restoreParent();
    const topLevel = renderBridge();
    topLevel.result.current.postSelection(['r1']);
    expect(parent.postMessage).not.toHaveBeenCalled();
    expect(window.parent).toBe(window);
  });

  it('stops observing and listening on unmount', async () => {
    const { unmount, onInbound } = renderBridge();
    unmount();
    parent.postMessage.mockClear();
    resizeTo(900);
    root.dataset.runlensState = 'ready';
    await Promise.resolve();
    receive({ ...envelope, type: 'set-theme', theme: 'dark' }, PORTAL);
    expect(parent.postMessage).not.toHaveBeenCalled();
    expect(onInbound).not.toHaveBeenCalled();
  });
});
