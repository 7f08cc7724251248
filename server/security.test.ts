import { describe, expect, it } from 'vitest';
import { resolveServeOptions } from './options.ts';
import { artifactSandboxCsp, isHostAllowed, isSameOriginWrite, securityHeaders } from './security.ts';

describe('isHostAllowed', () => {
  const allowed = resolveServeOptions({ allowedHosts: 'runlens.example.com,*.corp.example,100.64.0.0/10' }, {}).allowedHosts;
  it.each([
    ['127.0.0.1:5173', true],
    ['127.1.2.3', true],
    ['localhost:8080', true],
    ['[::1]:5173', true],
    ['192.168.1.20:5173', true],
    ['10.0.0.7', true],
    ['172.31.255.1:80', true],
    ['[::ffff:10.0.0.1]:5173', true],
    ['100.100.1.1:5173', true],
    ['runlens.example.com', true],
    ['a.corp.example:443', true],
    ['evil.example:5173', false], // DNS rebinding to a public name
    ['corp.example.evil.com', false],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['[2001:db8::1]:5173', false],
    ['', false],
    ['[::1', false],
    [undefined, false],
  ])('%s → %s', (host, ok) => {
    expect(isHostAllowed(host, allowed)).toBe(ok);
  });

  // Issue 10, finding 2: the private ranges were text patterns ("10.*"), so public names that
  // merely start like a private address passed; rebound to 127.0.0.1 they read everything.
  it.each(['10.attacker.example:5173', '192.168.evil.test', '172.16.x.example', '127.0.0.1.evil.test', '10.0.0.1.nip.io'])(
    'refuses the rebinding name %s',
    (host) => {
      expect(isHostAllowed(host, allowed)).toBe(false);
    },
  );

  it('matches IP-shaped wildcard patterns against IP literals only', () => {
    expect(isHostAllowed('10.1.2.3', ['10.*'])).toBe(true);
    expect(isHostAllowed('10.attacker.example', ['10.*'])).toBe(false);
  });
});

describe('isSameOriginWrite', () => {
  it('accepts only the page’s own origin', () => {
    expect(isSameOriginWrite({ host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173' })).toBe(true);
    expect(isSameOriginWrite({ host: '127.0.0.1:5173', origin: 'http://evil.example' })).toBe(false);
    expect(isSameOriginWrite({ host: '127.0.0.1:5173', origin: 'null' })).toBe(false);
    expect(isSameOriginWrite({ host: '127.0.0.1:5173' })).toBe(false);
    expect(isSameOriginWrite({ host: '127.0.0.1:5173', 'sec-fetch-site': 'same-origin' })).toBe(true);
  });
});

describe('securityHeaders', () => {
  it('allows framing only by named portals', () => {
    const csp = securityHeaders(['https://portal.example.com'])['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'self' https://portal.example.com");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('artifactSandboxCsp', () => {
  it('sandboxes artifact documents without same-origin and cuts their network access', () => {
    const csp = artifactSandboxCsp(['https://portal.example.com']);
    expect(csp.split('; ')[0]).toBe('sandbox allow-scripts');
    expect(csp).not.toMatch(/allow-same-origin|allow-top-navigation|allow-popups|allow-forms/);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self' https://portal.example.com");
  });
});
