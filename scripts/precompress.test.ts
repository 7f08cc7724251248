import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';

describe('precompressDir', () => {
  it('writes .br and .gz beside text files that decode to the same bytes, and leaves the rest alone', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runlens-precompress-'));
    mkdirSync(path.join(dir, 'assets'));
    mkdirSync(path.join(dir, '.vite'));
    const script = Buffer.from(`export const x = ${JSON.stringify('runlens '.repeat(1000))};`);
    const page = Buffer.from(`<!doctype html><title>Runlens</title>${'<link rel="modulepreload" href="/assets/a.js">'.repeat(12)}`);
    writeFileSync(path.join(dir, 'assets/app-abc.js'), script);
    writeFileSync(path.join(dir, 'index.html'), page);
    // Compressed already, not served, or too small to gain from it.
    writeFileSync(path.join(dir, 'assets/inter.woff2'), Buffer.alloc(4096, 7));
    writeFileSync(path.join(dir, '.vite/manifest.json'), JSON.stringify({ a: 'b'.repeat(4000) }));
    writeFileSync(path.join(dir, 'assets/tiny.js'), 'export{}');

    await precompressDir(dir);

    expect(readdirSync(path.join(dir, 'assets')).sort()).toEqual([
      'app-abc.js',
      'app-abc.js.br',
      'app-abc.js.gz',
      'inter.woff2',
      'tiny.js',
    ]);
    expect(readdirSync(path.join(dir, '.vite'))).toEqual(['manifest.json']);
    expect(zlib.brotliDecompressSync(readFileSync(path.join(dir, 'assets/app-abc.js.br'))).equals(script)).toBe(true);
    expect(zlib.gunzipSync(readFileSync(path.join(dir, 'assets/app-abc.js.gz'))).equals(script)).toBe(true);
    expect(zlib.brotliDecompressSync(readFileSync(path.join(dir, 'index.html.br'))).equals(page)).toBe(true);
  });
});
