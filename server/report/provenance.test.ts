import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PNG_KEYS, pngTextOf, runIdsOf, withPdfInfo, withPngProvenance } from './provenance.ts';

describe('runIdsOf', () => {
  it('finds the run in the path and the runs= list, in order, once each', () => {
    expect(runIdsOf('http://h/experiments/7/runs/abc123/metrics?runs=def,abc123,ghi')).toEqual(['abc123', 'def', 'ghi']);
    expect(runIdsOf('/compare?runs=r1%2Cr2')).toEqual(['r1', 'r2']);
    expect(runIdsOf('/experiments/7')).toEqual([]);
  });
});

describe('withPngProvenance', () => {
  const png = () => {
    const image = new PNG({ width: 3, height: 2 });
    image.data.fill(200);
    return PNG.sync.write(image);
  };
  const provenance = {
    viewUrl: 'http://127.0.0.1:5173/compare?runs=a,b',
    trackingServer: 'http://mlflow:5000',
    runIds: ['a', 'b'],
    renderedAt: new Date('2026-12-02T08:00:00Z'),
    runlensVersion: '0.1.0',
  };

  it('adds text chunks naming the view, tracking server, runs and render time, and the image still decodes the same', () => {
    const original = png();
    const tagged = withPngProvenance(original, provenance);
    expect(pngTextOf(tagged)).toEqual({
      [PNG_KEYS.viewUrl]: 'http://127.0.0.1:5173/compare?runs=a,b',
      [PNG_KEYS.trackingServer]: 'http://mlflow:5000',
      [PNG_KEYS.runIds]: 'a,b',
      [PNG_KEYS.renderedAt]: '2026-12-02T08:00:00.000Z',
      [PNG_KEYS.software]: 'Runlens 0.1.0',
    });
    const decoded = PNG.sync.read(Buffer.from(tagged));
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    expect(Buffer.from(decoded.data).equals(PNG.sync.read(original).data)).toBe(true);
  });

  it('leaves out the run ids of a view that names no run', () => {
    const text = pngTextOf(withPngProvenance(png(), { ...provenance, viewUrl: 'http://127.0.0.1:5173/', runIds: [] }));
    expect(text[PNG_KEYS.viewUrl]).toBe('http://127.0.0.1:5173/');
    expect(Object.keys(text)).not.toContain(PNG_KEYS.runIds);
  });

  it('writes characters tEXt cannot hold as escapes instead of mangling them', () => {
    const tagged = withPngProvenance(png(), { ...provenance, trackingServer: 'http://δ.example' });
    expect(pngTextOf(tagged)[PNG_KEYS.trackingServer]).toBe('http://\\u03b4.example');
  });
});

describe('withPdfInfo', () => {
  it('sets title, subject (tracking server), keywords (run ids), creator and creation date', async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    const pdf = await withPdfInfo(await blank.save(), {
      title: 'Weekly <report>',
      trackingServer: 'http://mlflow:5000',
      runIds: ['r1', 'r2'],
      runlensVersion: '0.1.0',
      createdAt: new Date('2026-12-02T08:00:00Z'),
    });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Weekly <report>');
    expect(doc.getSubject()).toBe('http://mlflow:5000');
    expect(doc.getKeywords()).toBe('r1 r2');
    expect(doc.getCreator()).toBe('Runlens 0.1.0');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-02T08:00:00.000Z');
  });
});
