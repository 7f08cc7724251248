import { describe, expect, it } from 'vitest';
import { formatBytes, imageMimeType, previewGate, previewKind, urlPreviewLoad } from './file-kind.ts';
import { decodeText } from './decode-text.ts';

describe('previewKind', () => {
  it.each([
    ['training_confusion_matrix.png', 'image'],
    ['logo.SVG', 'image'],
    ['estimator.html', 'html'],
    ['cv_results.csv', 'table'],
    ['table.tsv', 'table'],
    ['metrics.json', 'json'],
    ['MLmodel', 'yaml'],
    ['conda.yaml', 'yaml'],
    ['notes.md', 'markdown'],
    ['requirements.txt', 'text'],
    ['train.py', 'text'],
    ['report.pdf', 'pdf'],
    ['model.pkl', 'binary'],
    ['model.skops', 'binary'],
    ['.hidden', 'binary'],
  ])('%s → %s', (name, kind) => {
    expect(previewKind(name)).toBe(kind);
  });
});

describe('previewGate', () => {
  it('shows no text above 10 MB, nothing above 50 MB, and no binary', () => {
    expect(previewGate('text', 9 * 1024 * 1024)).toEqual({ ok: true });
    expect(previewGate('json', 11 * 1024 * 1024)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/text previews stop at 10 MB/),
    });
    expect(previewGate('image', 11 * 1024 * 1024)).toEqual({ ok: true });
    expect(previewGate('image', 60 * 1024 * 1024)).toMatchObject({ ok: false, reason: expect.stringMatching(/60 MB/) });
    expect(previewGate('binary', 10)).toMatchObject({ ok: false });
    expect(previewGate('text', undefined)).toEqual({ ok: true });
  });

  it('loads images of unknown size through the capped reader, and HTML of unknown size only on request', () => {
    expect(urlPreviewLoad('image', 2048)).toBe('url');
    expect(urlPreviewLoad('image', undefined)).toBe('capped-read');
    expect(urlPreviewLoad('html', 2048)).toBe('url');
    expect(urlPreviewLoad('html', undefined)).toBe('on-request');
  });

  it('types image blobs from the name', () => {
    expect(imageMimeType('plot.PNG')).toBe('image/png');
    expect(imageMimeType('photo.jpg')).toBe('image/jpeg');
    expect(imageMimeType('logo.svg')).toBe('image/svg+xml');
  });

  it('formats sizes', () => {
    expect(formatBytes(1135)).toBe('1.1 KB');
    expect(formatBytes(62914560)).toBe('60 MB');
  });
});

describe('decodeText', () => {
  it('decodes UTF-8, falls back to windows-1252, and spots binary', () => {
    expect(decodeText(new TextEncoder().encode('héllo'))).toEqual({ kind: 'text', text: 'héllo', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toEqual({ kind: 'text', text: 'Café', encoding: 'windows-1252' });
    expect(decodeText(new Uint8Array([0x80, 0x04, 0x00, 0x95]))).toEqual({ kind: 'binary' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ kind: 'text', text: 'A', encoding: 'utf-16le' });
  });
});
