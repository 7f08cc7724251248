import { describe, expect, it } from 'vitest';
import { resolveServeOptions } from './options.ts';
import { artifactSandboxCsp, isHostAllowed, isSameOriginWrite, securityHeaders } from './security.ts';

describe('isHostAllowed', () => {
  const allowed = resolveServeOptions({ allowedHosts: 'runlens.example.com,*.corp.example' }, {}).allowedHosts;
  it.each([
    ['127.0.0.1:5173', true],
    ['localhost:8080', true],
    ['[::1]:5173', true],
    ['192.168.1.20:5173', true],
    ['runlens.example.com', true],
    ['a.corp.example:443', true],
    ['evil.example:5173', false], // DNS rebinding to a public name
    ['corp.example.evil.com', false],
    [undefined, false],
  ])('%s → %s', (host, ok) => {
    expect(isHostAllowed(host, allowed)).toBe(ok);
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
