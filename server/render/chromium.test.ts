import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findChromium } from './chromium.ts';

function dirWith(files: Record<string, boolean>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runlens-chromium-'));
  for (const [name, executable] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), '#!/bin/sh\n');
    chmodSync(path.join(dir, name), executable ? 0o755 : 0o644);
  }
  return dir;
}

describe('findChromium', () => {
  it('finds chromium (or chromium-browser) on PATH, skipping files that are not executable', () => {
    const notExecutable = dirWith({ chromium: false });
    const debian = dirWith({ 'chromium-browser': true });
    expect(findChromium(undefined, { PATH: [notExecutable, debian].join(path.delimiter) })).toBe(path.join(debian, 'chromium-browser'));
  });

  it('takes --browser over RUNLENS_CHROMIUM over PATH', () => {
    const onPath = dirWith({ chromium: true });
    const fromEnv = dirWith({ chrome: true });
    const fromFlag = dirWith({ chrome: true });
    const env = { PATH: onPath, RUNLENS_CHROMIUM: path.join(fromEnv, 'chrome') };
    expect(findChromium(path.join(fromFlag, 'chrome'), env)).toBe(path.join(fromFlag, 'chrome'));
    expect(findChromium(undefined, env)).toBe(path.join(fromEnv, 'chrome'));
  });

  it('says how to get one when there is none', () => {
    expect(() => findChromium(undefined, { PATH: dirWith({}) })).toThrow(BrowserNotFoundError);
    expect(() => findChromium(undefined, { PATH: dirWith({}) })).toThrow(
      'no Chromium found: install it (apt-get install chromium) or pass --browser',
    );
    expect(() => findChromium('/nowhere/chromium', {})).toThrow('no Chromium at "/nowhere/chromium"');
  });
});
