import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorOriginOf,
  EMBED_PROTOCOL,
  EMBED_VERSION,
  isAllowedSender,
  outbound,
  parseFrameId,
  parseInbound,
  targetOrigins,
  type InboundMessage,
} from './messages.ts';

const PORTAL = 'https://portal.example.com';
const envelope = { protocol: EMBED_PROTOCOL, version: EMBED_VERSION };

describe('outbound', () => {
  it('wraps a message in the versioned envelope, with the frame id when there is one', () => {
    expect(outbound({ type: 'height', height: 420 })).toEqual({ protocol: 'runlens-embed', version: 1, type: 'height', height: 420 });
    expect(outbound({ type: 'selection', runIds: ['a', 'b'] }, 'left')).toEqual({
      ...envelope,
      type: 'selection',
      runIds: ['a', 'b'],
      frameId: 'left',
    });
  });

  it('is structured-clonable (what postMessage sends)', () => {
    const message = outbound({ type: 'ready', errors: 2, url: 'https://runlens.corp/experiments/1' }, 'f1');
    expect(structuredClone(message)).toEqual(message);
  });
});

describe('parseInbound', () => {
  it('accepts the documented messages', () => {
    expect(parseInbound({ ...envelope, type: 'set-theme', theme: 'dark' })).toEqual({ type: 'set-theme', theme: 'dark' });
    expect(parseInbound({ ...envelope, type: 'highlight-run', runId: 'abc' })).toEqual({ type: 'highlight-run', runId: 'abc' });
    expect(parseInbound({ ...envelope, type: 'highlight-run', runId: null })).toEqual({ type: 'highlight-run', runId: null });
  });

  it('drops fields beyond the documented ones', () => {
    expect(parseInbound({ ...envelope, type: 'set-theme', theme: 'light', extra: '<script>' })).toEqual({
      type: 'set-theme',
      theme: 'light',
    });
  });

  it.each([
    ['another protocol', { protocol: 'other', version: 1, type: 'set-theme', theme: 'dark' }],
    ['another version', { ...envelope, version: 2, type: 'set-theme', theme: 'dark' }],
    ['no envelope', { type: 'set-theme', theme: 'dark' }],
    ['an unknown type', { ...envelope, type: 'navigate', url: 'https://evil.example' }],
    ['an unknown theme', { ...envelope, type: 'set-theme', theme: 'neon' }],
    ['a missing run id', { ...envelope, type: 'highlight-run' }],
    ['a numeric run id', { ...envelope, type: 'highlight-run', runId: 42 }],
    ['an outbound message', outbound({ type: 'height', height: 10 })],
    ['a string', 'set-theme'],
    ['null', null],
  ])('ignores %s', (_, data) => {
    expect(parseInbound(data)).toBeUndefined();
  });

  it('does not throw on an object whose getters throw', () => {
    const hostile = Object.defineProperty({ ...envelope }, 'type', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(parseInbound(hostile)).toBeUndefined();
  });

  it('property: never throws, and returns only documented messages', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            protocol: fc.constant(EMBED_PROTOCOL),
            version: fc.constant(1),
            type: fc.constantFrom('set-theme', 'highlight-run'),
            theme: fc.anything(),
            runId: fc.anything(),
          }),
        ),
        (data) => {
          const message = parseInbound(data);
          if (message === undefined) return;
          if (message.type === 'set-theme') expect(['light', 'dark', 'auto']).toContain(message.theme);
          else expect(message.runId === null || typeof message.runId === 'string').toBe(true);
        },
      ),
    );
  });

  it('property: a valid message survives the envelope and a structured clone', () => {
    const inbound: fc.Arbitrary<InboundMessage> = fc.oneof(
      fc.record({ type: fc.constant('set-theme' as const), theme: fc.constantFrom('light' as const, 'dark' as const, 'auto' as const) }),
      fc.record({
        type: fc.constant('highlight-run' as const),
        runId: fc.option(fc.string({ minLength: 1, maxLength: 200 }), { nil: null }),
      }),
    );
    fc.assert(
      fc.property(inbound, (message) => {
        expect(parseInbound(structuredClone({ ...envelope, ...message }))).toEqual(message);
      }),
    );
  });
});

describe('isAllowedSender', () => {
  const allowed = [PORTAL, 'https://*.corp.example', 'http://localhost:8080'];

  it('accepts listed origins, exactly or under a wildcard', () => {
    expect(isAllowedSender(PORTAL, allowed)).toBe(true);
    expect(isAllowedSender('https://wiki.corp.example', allowed)).toBe(true);
    expect(isAllowedSender('https://a.b.corp.example', allowed)).toBe(true);
    expect(isAllowedSender('http://localhost:8080', allowed)).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.example.com'],
    ['a host that only ends like a listed one', 'https://notportal.example.com'],
    ['a suffix attack on a wildcard', 'https://corp.example.evil.com'],
    ['the wildcard domain itself', 'https://corp.example'],
    ['another scheme', 'http://portal.example.com'],
    ['another port', 'https://portal.example.com:8443'],
    ['a wildcard host on another port', 'https://wiki.corp.example:8443'],
    ['the opaque origin', 'null'],
    ['a non-origin string', 'https://portal.example.com/path'],
    ['an empty string', ''],
  ])('refuses %s', (_, origin) => {
    expect(isAllowedSender(origin, allowed)).toBe(false);
  });

  it('never trusts * or an empty list', () => {
    expect(isAllowedSender(PORTAL, ['*'])).toBe(false);
    expect(isAllowedSender(PORTAL, [])).toBe(false);
  });

  it('compares listed origins in their normal form (default port, case)', () => {
    expect(isAllowedSender(PORTAL, ['https://Portal.Example.com:443'])).toBe(true);
  });
});

describe('targetOrigins', () => {
  const allowed = [PORTAL, 'https://*.corp.example', 'https://other.example.com'];

  it('is the parent alone when it is listed (also under a wildcard)', () => {
    expect(targetOrigins(allowed, PORTAL)).toEqual([PORTAL]);
    expect(targetOrigins(allowed, 'https://wiki.corp.example')).toEqual(['https://wiki.corp.example']);
  });

  it('is every exactly listed origin when the parent is unknown or not listed', () => {
    expect(targetOrigins(allowed, undefined)).toEqual([PORTAL, 'https://other.example.com']);
    // E.g. the referrer after a navigation inside the frame is Runlens itself.
    expect(targetOrigins(allowed, 'https://runlens.corp')).toEqual([PORTAL, 'https://other.example.com']);
  });

  it('is nothing without a listed origin, and never * or a pattern', () => {
    expect(targetOrigins([], PORTAL)).toEqual([]);
    expect(targetOrigins(['*', 'https://*.corp.example'], undefined)).toEqual([]);
  });

  it('property: every target is a concrete origin the list allows', () => {
    const origin = fc.constantFrom(
      PORTAL,
      'https://wiki.corp.example',
      'https://evil.example.com',
      'null',
      '*',
      'https://*.corp.example',
      'http://localhost:3000',
    );
    fc.assert(
      fc.property(fc.array(origin), fc.option(origin, { nil: undefined }), (list, parent) => {
        for (const target of targetOrigins(list, parent)) {
          expect(target).not.toContain('*');
          expect(isAllowedSender(target, list)).toBe(true);
        }
      }),
    );
  });
});

describe('ancestorOriginOf', () => {
  it('prefers location.ancestorOrigins, then the referrer', () => {
    expect(ancestorOriginOf(['https://portal.example.com'], 'https://elsewhere.example/page')).toBe(PORTAL);
    expect(ancestorOriginOf([], 'https://portal.example.com/dash?x=1')).toBe(PORTAL);
    expect(ancestorOriginOf(undefined, 'https://portal.example.com/')).toBe(PORTAL);
  });

  it('is undefined when the browser does not say', () => {
    expect(ancestorOriginOf(undefined, '')).toBeUndefined();
    expect(ancestorOriginOf(['null'], '')).toBeUndefined();
  });
});

describe('parseFrameId', () => {
  it('keeps short printable ids and drops the rest', () => {
    expect(parseFrameId('runlens-1')).toBe('runlens-1');
    expect(parseFrameId(null)).toBeUndefined();
    expect(parseFrameId('')).toBeUndefined();
    expect(parseFrameId('a b')).toBeUndefined();
    expect(parseFrameId('"><img>')).toBeUndefined();
    expect(parseFrameId('x'.repeat(101))).toBeUndefined();
  });
});
