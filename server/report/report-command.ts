// `runlens report <spec.yaml> -o report.pdf [--png-dir DIR]`: renders each view a spec names
// through the shared renderer (render mode, ready signal) and puts them into one PDF, a title
// page and one page per view with its caption and its live link, and/or one PNG per view. Both
// carry their provenance (PDF document info, PNG text chunks).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BrowserNotFoundError } from '../render/chromium.ts';
import { RenderError } from '../render/render-error.ts';
import { openRenderer } from '../render/renderer.ts';
import type { AppBuild } from '../render/shot.ts';
import { printHtmlToPdf } from './print-pdf.ts';
import { runIdsOf, withPdfInfo, withPngProvenance } from './provenance.ts';
import { reportHtml, type ReportPage } from './report-html.ts';
import { connectRunlens, type RunlensTarget, TargetError } from './runlens-target.ts';
import { parseReportSpec, ReportSpecError, type ReportSection } from './spec.ts';

export const REPORT_HELP = `Usage: runlens report <spec.yaml> -o <report.pdf> [options]

Renders the views a report spec names into one PDF (a title page, then one page per view with
its caption and a link to the live view) and/or one PNG per view.

Spec (YAML):
  title: Weekly training report
  text: |                          optional paragraphs for the title page
    Runs of the week.
  tracking_uri: http://mlflow:5000 optional; used when neither --url nor --tracking-uri is given
  sections:
    - view: /experiments/1?searchFilter=metrics.rmse%20%3C%201   a path or a full Runlens URL
      caption: All runs under 1.0 RMSE
      width: 1280                  optional viewport, CSS pixels (default 1280)
      height: 800                  optional; without it the whole page is captured

Options:
  -o, --output <file.pdf>  The PDF to write.
  --png-dir <dir>          Also (or, without -o, only) write one PNG per view: 01-<caption>.png, …
  --url <runlens>          A running Runlens to render the views from.
  --tracking-uri <url>     Serve Runlens for this tracking server while the report is made
                           (else the spec's tracking_uri, else env MLFLOW_TRACKING_URI).
  --browser <path>         Chromium to use (env RUNLENS_CHROMIUM; default: chromium on PATH).
  --timeout <s>            Seconds each view may take to open and draw. Default: 60
  --allow-errors           Keep a view that shows an error instead of failing the report.
  -h, --help               Show this help.
`;

const DEFAULT_WIDTH = 1280;
const DEFAULT_HEIGHT = 800;
const DEFAULT_TIMEOUT_S = 60;

class UsageError extends Error {}

/** `app` gives the built web UI and version, asked for only when the report serves Runlens itself. */
export async function reportCommand(argv: string[], app: () => AppBuild): Promise<number> {
  let args;
  try {
    args = parseCommandLine(argv);
  } catch (err) {
    if (!(err instanceof UsageError) && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') !== true) throw err;
    console.error(`runlens report: ${(err as Error).message}\n\n${REPORT_HELP}`);
    return 2;
  }
  if (args === 'help') {
    console.log(REPORT_HELP);
    return 0;
  }

  let target: RunlensTarget | undefined;
  try {
    const spec = parseReportSpec(await readFile(args.specFile, 'utf8'), args.specFile);
    target = await connectRunlens({ url: args.url, trackingUri: args.trackingUri ?? spec.trackingUri }, app);
    const startedAt = new Date();
    const pages = await renderSections(spec.sections, target, args);
    const runIds = [...new Set(pages.flatMap((page) => page.runIds))];

    if (args.pngDir) {
      await mkdir(args.pngDir, { recursive: true });
      for (const [index, page] of pages.entries()) {
        const file = path.join(args.pngDir, pngFileName(index, page.caption));
        await writeFile(
          file,
          withPngProvenance(page.png, {
            viewUrl: page.liveUrl,
            trackingServer: target.trackingServer,
            runIds: page.runIds,
            renderedAt: page.renderedAt,
            runlensVersion: target.version,
          }),
        );
        console.log(`wrote ${file}`);
      }
    }
    if (args.output) {
      const html = reportHtml({
        title: spec.title,
        paragraphs: spec.paragraphs,
        date: formatDate(startedAt),
        trackingServer: target.trackingServer,
        runlensVersion: target.version,
        runlensUrl: target.baseUrl,
        sections: pages,
      });
      const pdf = await printHtmlToPdf(html, { browserPath: args.browser, timeoutMs: args.timeoutMs });
      await writeFile(
        args.output,
        await withPdfInfo(pdf, {
          title: spec.title,
          trackingServer: target.trackingServer,
          runIds,
          runlensVersion: target.version,
          createdAt: startedAt,
        }),
      );
      console.log(`wrote ${args.output}`);
    }
    return 0;
  } catch (err) {
    if (
      err instanceof ReportSpecError ||
      err instanceof TargetError ||
      err instanceof BrowserNotFoundError ||
      err instanceof SectionError
    ) {
      console.error(`runlens report: ${err.message}`);
      return err instanceof ReportSpecError ? 2 : 1;
    }
    if ((err as { code?: string }).code === 'ENOENT' && (err as { path?: string }).path === args.specFile) {
      console.error(`runlens report: no spec file at ${args.specFile}`);
      return 2;
    }
    throw err;
  } finally {
    await target?.close();
  }
}

interface ReportArgs {
  specFile: string;
  output: string | undefined;
  pngDir: string | undefined;
  url: string | undefined;
  trackingUri: string | undefined;
  browser: string | undefined;
  timeoutMs: number;
  allowErrors: boolean;
}

function parseCommandLine(argv: string[]): ReportArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      'png-dir': { type: 'string' },
      url: { type: 'string' },
      'tracking-uri': { type: 'string' },
      browser: { type: 'string' },
      timeout: { type: 'string' },
      'allow-errors': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const [specFile, ...extra] = positionals;
  if (!specFile) throw new UsageError('name the report spec: runlens report <spec.yaml> -o <report.pdf>');
  if (extra.length > 0) throw new UsageError(`one spec at a time, got also ${extra.map((e) => `"${e}"`).join(', ')}`);
  if (!values.output && !values['png-dir']) throw new UsageError('say where to write the report: -o <report.pdf> and/or --png-dir <dir>');
  if (values.url && values['tracking-uri'])
    throw new UsageError('--url and --tracking-uri exclude each other: render from a running Runlens, or serve one for a tracking server');
  const timeout = Number(values.timeout ?? DEFAULT_TIMEOUT_S);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout}"`);
  return {
    specFile,
    output: values.output,
    pngDir: values['png-dir'],
    url: values.url,
    trackingUri: values['tracking-uri'],
    browser: values.browser,
    timeoutMs: timeout * 1000,
    allowErrors: values['allow-errors'] ?? false,
  };
}

interface RenderedSection extends ReportPage {
  runIds: string[];
  renderedAt: Date;
}

class SectionError extends Error {}

async function renderSections(sections: ReportSection[], target: RunlensTarget, args: ReportArgs): Promise<RenderedSection[]> {
  const renderer = await openRenderer({ browserPath: args.browser });
  try {
    const pages: RenderedSection[] = [];
    for (const [index, section] of sections.entries()) {
      const liveUrl = liveViewUrl(section.view, target.baseUrl);
      console.log(`rendering ${index + 1}/${sections.length}: ${liveUrl}`);
      try {
        const png = await renderer.render(liveUrl, {
          width: section.width ?? DEFAULT_WIDTH,
          height: section.height ?? DEFAULT_HEIGHT,
          scale: 1,
          // A height in the spec fixes the picture's size; without one the whole view is shown.
          fullPage: section.height === undefined,
          format: 'png',
          timeoutMs: args.timeoutMs,
          allowErrors: args.allowErrors,
        });
        pages.push({ caption: section.caption, liveUrl, png, runIds: runIdsOf(liveUrl), renderedAt: new Date() });
      } catch (err) {
        if (err instanceof RenderError) throw new SectionError(`section ${index + 1} ("${section.caption}", ${liveUrl}): ${err.message}`);
        throw err;
      }
    }
    return pages;
  } finally {
    await renderer.close();
  }
}

/**
 * The view as a person would open it: a path joined to the Runlens it is rendered from, or the
 * spec's full URL as it is; without render=1, which the renderer adds for itself.
 */
export function liveViewUrl(view: string, baseUrl: string): string {
  const url = view.startsWith('/') ? new URL(view.slice(1), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : new URL(view);
  // Only when there: rewriting the query would re-encode it (%20 as +, commas as %2C).
  if (url.searchParams.has('render')) url.searchParams.delete('render');
  return url.href;
}

/** `01-all-runs-under-1-0-rmse.png`: numbered in spec order, named by the caption. */
export function pngFileName(index: number, caption: string): string {
  const slug = caption
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${String(index + 1).padStart(2, '0')}-${slug || 'view'}.png`;
}

/** `2026-12-02 08:30 UTC`: the title page's date, the same wherever the report is made. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
