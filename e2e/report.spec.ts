// `runlens report` end to end: the built command, run as a user runs it, renders a three-section
// spec from the running Runlens into a PDF (read back with poppler's pdftotext / pdfinfo) and
// into one PNG per view (their provenance text chunks read back).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import extractChunks from 'png-chunks-extract';
import * as textChunk from 'png-chunk-text';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures.ts';
import type { Manifest, ScenarioManifest } from './harness/populate.ts';
import { REPO_ROOT } from './harness/python-env.ts';

const run = promisify(execFile);
const byName = (manifest: Manifest, name: string): ScenarioManifest => Object.values(manifest).find((s) => s.experiment_name === name)!;

/** Runs `node bin/runlens.js report …`; resolves with its exit code and output, never throws. */
async function runlensReport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/runlens.js', 'report', ...args], { cwd: REPO_ROOT, timeout: 150_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(err) };
  }
}

const pdfText = async (file: string, page?: number) =>
  (await run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'])).stdout;

function pngText(file: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const chunk of extractChunks(readFileSync(file))) {
    if (chunk.name !== 'tEXt') continue;
    const { keyword, text } = textChunk.decode(chunk.data);
    entries[keyword] = text;
  }
  return entries;
}

test.describe('runlens report', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a three-section spec gives a PDF with the title, each caption and each view’s live link on its page, and one PNG per view carrying its provenance', async ({
    manifest,
    baseURL,
    mlflowUrl,
  }, testInfo) => {
    const quickstart = byName(manifest, 'quickstart');
    const runId = quickstart.runs.quickstart as string;
    const title = 'Weekly <b>report</b> & "notes"';
    const sections = [
      { view: '/', caption: 'Every experiment on the server' },
      { view: `/experiments/${quickstart.experiment_id}`, caption: 'The quickstart runs <table>' },
      { view: `/experiments/${quickstart.experiment_id}/runs/${runId}/metrics`, caption: 'Quickstart metrics' },
    ];
    const dir = testInfo.outputPath();
    const specFile = path.join(dir, 'report.yaml');
    writeFileSync(
      specFile,
      [
        `title: ${JSON.stringify(title)}`,
        'text: |',
        '  Made by the end-to-end tests.',
        'sections:',
        ...sections.flatMap((s) => [`  - view: ${JSON.stringify(s.view)}`, `    caption: ${JSON.stringify(s.caption)}`]),
      ].join('\n'),
    );
    const pdf = path.join(dir, 'report.pdf');
    const pngDir = path.join(dir, 'pngs');

    const result = await runlensReport([specFile, '-o', pdf, '--png-dir', pngDir, '--url', baseURL!]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const liveUrls = sections.map((s) => `${baseURL}${s.view}`);
    // The title page: title (as written, not as markup), the tracking server, the text.
    const titlePage = await pdfText(pdf, 1);
    expect(titlePage).toContain(title);
    expect(titlePage).toContain(mlflowUrl.replace(/\/$/, ''));
    expect(titlePage).toContain('Made by the end-to-end tests.');
    // One page per section, each with its own caption and the full link to its live view.
    for (const [index, section] of sections.entries()) {
      const text = await pdfText(pdf, index + 2);
      expect(text, `page ${index + 2}`).toContain(section.caption);
      expect(text, `page ${index + 2}`).toContain(liveUrls[index]!);
    }
    const all = await pdfText(pdf);
    for (const url of liveUrls) expect(all).toContain(url);

    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(new RegExp(`^Title:\\s+${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(info).toMatch(/^Pages:\s+4$/m);
    expect(info).toMatch(/^Creator:\s+Runlens \d+\.\d+\.\d+/m);
    expect(info).toContain(mlflowUrl.replace(/\/$/, ''));
    expect(info).toContain(runId);

    const pngs = readdirSync(pngDir).sort();
    expect(pngs).toEqual(['01-every-experiment-on-the-server.png', '02-the-quickstart-runs-table.png', '03-quickstart-metrics.png']);
    for (const [index, file] of pngs.entries()) {
      const bytes = readFileSync(path.join(pngDir, file));
      expect(PNG.sync.read(bytes).width, file).toBe(1280);
      const provenance = pngText(path.join(pngDir, file));
      expect(provenance['Runlens View'], file).toBe(liveUrls[index]);
      expect(provenance['Runlens Tracking Server'], file).toBe(mlflowUrl.replace(/\/$/, ''));
      expect(Date.parse(provenance['Creation Time'] ?? ''), file).not.toBeNaN();
    }
    expect(pngText(path.join(pngDir, pngs[2]!))['Runlens Run Ids']).toBe(runId);
  });

  test('with the spec’s tracking_uri and no --url it serves Runlens itself, and --png-dir alone writes only PNGs', async ({
    mlflowUrl,
  }, testInfo) => {
    const dir = testInfo.outputPath();
    const specFile = path.join(dir, 'report.yaml');
    writeFileSync(
      specFile,
      `title: Served\ntracking_uri: ${JSON.stringify(mlflowUrl)}\nsections:\n  - view: /\n    caption: Experiments\n    height: 600\n`,
    );
    const pngDir = path.join(dir, 'pngs');
    const result = await runlensReport([specFile, '--png-dir', pngDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['pngs', 'report.yaml']);
    expect(readdirSync(pngDir)).toEqual(['01-experiments.png']);
    const file = path.join(pngDir, '01-experiments.png');
    const image = PNG.sync.read(readFileSync(file));
    expect([image.width, image.height]).toEqual([1280, 600]);
    const provenance = pngText(file);
    expect(provenance['Runlens View']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(provenance['Runlens Tracking Server']).toBe(mlflowUrl.replace(/\/$/, ''));
  });

  test('a section whose view ends in an error fails the report with the page’s own message', async ({ manifest, baseURL }, testInfo) => {
    const quickstart = byName(manifest, 'quickstart');
    const dir = testInfo.outputPath();
    const specFile = path.join(dir, 'report.yaml');
    writeFileSync(
      specFile,
      `title: Broken\nsections:\n  - view: /experiments/${quickstart.experiment_id}/runs/0123456789abcdef0123456789abcdef\n    caption: A run that is not there\n`,
    );
    const result = await runlensReport([specFile, '-o', path.join(dir, 'report.pdf'), '--url', baseURL!, '--timeout', '30']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('section 1 ("A run that is not there"');
    expect(result.stderr).toContain('Run not found');
    expect(readdirSync(dir)).not.toContain('report.pdf');
  });
});
