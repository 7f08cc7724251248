// The `runlens` command: `serve` (the production build plus a same-origin proxy to a tracking
// server) and `shot` (one view to a PNG or PDF file).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRunlensServer } from './app.ts';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_TRACKING_URI,
  DEFAULT_UPSTREAM_TIMEOUT_S,
  displayTrackingUri,
  resolveServeOptions,
} from './options.ts';
import { OptionsError } from './options-error.ts';
import { localStoreUri, startLocalMlflow, type LocalMlflow } from './local-store.ts';
import { probeTrackingServer } from './probe.ts';
import { BrowserNotFoundError, findChromium } from './render/chromium.ts';
import { RenderError } from './render/render-error.ts';
import { resolveShotOptions, SHOT_DEFAULTS } from './render/shot-options.ts';

const SHOT_HELP = `Usage: runlens shot <url|path> -o <out.png|out.pdf> [options]

Captures one view in render mode (every chart drawn, light theme, UTC unless told otherwise)
once it has finished loading, and prints the file's path. Exits non-zero with the page's own
message when the view ends in an error, or with what was still loading on timeout.

  <url|path>               A full Runlens URL, used as it is, or a path such as
                           /compare?runs=a,b with --url or --tracking-uri.
  -o, --output <file>      Where to write: .png or .pdf.
  --url <runlens base>     A running Runlens the path is taken from (e.g. http://localhost:5173).
  --tracking-uri <url>     Serve Runlens itself for the duration of the shot, on a free loopback
                           port, against this tracking server. Env: MLFLOW_TRACKING_URI
  --width <px>             Viewport width. Default: ${SHOT_DEFAULTS.width}
  --height <px>            Viewport height (the PNG's, unless --full-page). Default: ${SHOT_DEFAULTS.height}
  --scale <n>              Device pixel ratio (2 = a PNG twice as large). Default: ${SHOT_DEFAULTS.scale}
  --full-page              The whole scrollable page, not only the viewport.
  --theme <light|dark>     Colour scheme. Default: light
  --tz <IANA zone>         Time zone of every shown time. Default: UTC
  --timeout <s>            Limit for loading and drawing. Default: ${SHOT_DEFAULTS.timeoutS}
  --allow-errors           Capture a view that shows an error instead of failing.
  --browser <path>         Chromium to use. Env: RUNLENS_CHROMIUM. Default: chromium on PATH
`;

const HELP = `Usage: runlens serve [options] [<mlruns folder or store URI>]
       runlens shot <url|path> -o <out.png|out.pdf> [options]   (runlens shot --help)
       runlens report <spec.yaml> -o <report.pdf> [options]     (runlens report --help)
       runlens sign <view> --experiments <ids> [options]        (runlens sign --help)

Serves the Runlens web UI and a same-origin proxy to an MLflow tracking server. Given a local
store instead (an mlruns folder, a file: or sqlite: URI), it first starts \`mlflow server\` on it,
as \`mlflow ui\` does.

Options:
  --tracking-uri <url>     Tracking server (http or https; a path prefix is kept), or databricks
                           (DATABRICKS_HOST/TOKEN or ~/.databrickscfg), or a local store.
                           Env: MLFLOW_TRACKING_URI. Default: ${DEFAULT_TRACKING_URI}
  --python <path>          For a local store: the Python whose mlflow serves it. Default: mlflow on PATH
  --host <address>         Address to listen on. Env: RUNLENS_HOST. Default: ${DEFAULT_HOST}
  --port <number>          Port to listen on (0 = any free port). Env: RUNLENS_PORT. Default: ${DEFAULT_PORT}
  --allowed-hosts <list>   Extra Host header values Runlens answers to, comma separated: names,
                           * wildcards (*.corp.example) or IP ranges (100.64.0.0/10). Loopback and
                           private IP addresses are always allowed, as IP literals only.
                           Env: RUNLENS_ALLOWED_HOSTS
  --frame-ancestors <list> Origins allowed to embed Runlens in an iframe, comma separated
                           (e.g. https://portal.example.com). Env: RUNLENS_FRAME_ANCESTORS
  --upstream-timeout <s>   Seconds the tracking server may stay silent on one request before
                           Runlens answers 504. Env: RUNLENS_UPSTREAM_TIMEOUT. Default: ${DEFAULT_UPSTREAM_TIMEOUT_S}
  --render                 Image links: GET /render/<view path>.png?<view params>&width=&height=&scale=
                           answers a PNG of that view (render mode), for <img> in wikis and emails.
                           Needs Chromium (on PATH, --browser or RUNLENS_CHROMIUM).
  --render-token <secret>  Image links then require token=<secret>. Env: RUNLENS_RENDER_TOKEN
  --browser <path>         Chromium for --render. Env: RUNLENS_CHROMIUM
  --embed-secret <secret>  Checks signed embed links (runlens sign): a request under one reads only
                           the experiments and runs it names, until it expires. At least 32 bytes.
                           Env: RUNLENS_EMBED_SECRET (preferred: flags show in the process list)
  --require-signed-embeds  A page framed by another site must come from a signed link.
  -h, --help               Show this help.
  -v, --version            Show the Runlens version.

Credentials (added by the proxy, never sent to the browser):
  MLFLOW_TRACKING_TOKEN                          Bearer token (wins over basic auth)
  MLFLOW_TRACKING_USERNAME, MLFLOW_TRACKING_PASSWORD   HTTP basic auth
  User info in the URI (https://user:pass@host) is used as basic auth too.
`;

function packageVersion(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // From source: server/ → the root; compiled: dist/node/server/ → the root.
  for (const candidate of ['../package.json', '../../../package.json']) {
    const file = path.resolve(here, candidate);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

function staticDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Compiled: dist/node/server/cli.js → dist/client. From source (tsx): server/cli.ts → dist/client.
  for (const candidate of ['../../client', '../dist/client']) {
    const dir = path.resolve(here, candidate);
    if (existsSync(path.join(dir, 'index.html'))) return dir;
  }
  throw new OptionsError('the web UI is not built: run `npm run build` first');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-v' || command === '--version') {
    console.log(packageVersion());
    return 0;
  }
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    console.log(HELP);
    return command === undefined ? 1 : 0;
  }
  if (command === 'shot') return shot(rest);
  if (command === 'report') {
    // Loaded here, like shot: Playwright and pdf-lib are for reports, not for every `runlens serve`.
    const { reportCommand } = await import('./report/report-command.ts');
    return reportCommand(rest, () => ({ staticDir: staticDir(), version: packageVersion() }));
  }
  if (command === 'sign') {
    const { signCommand } = await import('./embed/sign-command.ts');
    const result = signCommand(rest, process.env, Date.now());
    if (result.stdout) console.log(result.stdout);
    if (result.stderr) console.error(result.stderr);
    return result.code;
  }
  if (command !== 'serve') {
    console.error(`runlens: unknown command "${command}"\n\n${HELP}`);
    return 2;
  }
  return serve(rest);
}

async function serve(rest: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        'tracking-uri': { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'allowed-hosts': { type: 'string' },
        'frame-ancestors': { type: 'string' },
        'upstream-timeout': { type: 'string' },
        render: { type: 'boolean' },
        'render-token': { type: 'string' },
        browser: { type: 'string' },
        'embed-secret': { type: 'string' },
        'require-signed-embeds': { type: 'boolean' },
        python: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(`runlens serve: ${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(HELP);
    return 0;
  }

  let local: LocalMlflow | undefined;
  try {
    if (parsed.positionals.length > 1) throw new OptionsError(`one store at a time, got ${parsed.positionals.join(' ')}`);
    const rawUri = parsed.positionals[0] ?? parsed.values['tracking-uri'] ?? process.env.MLFLOW_TRACKING_URI;
    const store = rawUri === undefined ? undefined : localStoreUri(rawUri);
    if (rawUri !== undefined && parsed.positionals.length > 0 && store === undefined && !/^https?:/i.test(rawUri)) {
      throw new OptionsError(`${rawUri} is neither an mlruns folder, a store URI nor a tracking server URL`);
    }
    if (store !== undefined) {
      console.log(`Starting mlflow server on ${store}…`);
      local = await startLocalMlflow(store, parsed.values.python);
      console.log(`mlflow server for ${rawUri} is on ${local.url}`);
    }
    const options = resolveServeOptions(
      {
        trackingUri: local?.url ?? rawUri,
        host: parsed.values.host,
        port: parsed.values.port,
        allowedHosts: parsed.values['allowed-hosts'],
        frameAncestors: parsed.values['frame-ancestors'],
        upstreamTimeout: parsed.values['upstream-timeout'],
        render: parsed.values.render,
        renderToken: parsed.values['render-token'],
        browser: parsed.values.browser,
        embedSecret: parsed.values['embed-secret'],
        requireSignedEmbeds: parsed.values['require-signed-embeds'],
      },
      process.env,
    );
    // Chromium starts with the first image link; a missing one is said now, not then.
    if (options.render) findChromium(options.render.browserPath);
    const server = createRunlensServer(options, staticDir(), packageVersion());
    keepServingOnStrayErrors();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, resolve);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
    const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`;

    const probe = await probeTrackingServer(options);
    const target = displayTrackingUri(options.trackingUri);
    if (probe.ok) {
      const { name, version } = probe.backend;
      console.log(`Tracking server ${target} (${version ? `${name} ${version}` : name}, auth: ${options.auth.kind})`);
    } else {
      console.warn(`Warning: ${probe.problem}`);
      if (probe.hint) console.warn(`Hint: ${probe.hint}`);
      console.warn('Runlens is starting anyway; the page recovers by itself when the tracking server is reachable.');
    }
    console.log(`Runlens is serving on ${url}`);
    if (options.render) console.log(`Image links: ${url}render/<view path>.png${options.render.token ? ' (token= required)' : ''}`);

    const stop = () => {
      server.close();
      server.closeAllConnections();
      local?.stop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return await new Promise<number>((resolve) => server.once('close', () => resolve(0)));
  } catch (err) {
    local?.stop();
    if (err instanceof OptionsError || err instanceof BrowserNotFoundError || (err as { code?: string }).code === 'EADDRINUSE') {
      console.error(`runlens serve: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  }
}

async function shot(rest: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        url: { type: 'string' },
        'tracking-uri': { type: 'string' },
        width: { type: 'string' },
        height: { type: 'string' },
        scale: { type: 'string' },
        'full-page': { type: 'boolean' },
        theme: { type: 'string' },
        tz: { type: 'string' },
        timeout: { type: 'string' },
        'allow-errors': { type: 'boolean' },
        browser: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (err) {
    console.error(`runlens shot: ${(err as Error).message}\n\n${SHOT_HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(SHOT_HELP);
    return 0;
  }
  try {
    if (parsed.positionals.length > 1) throw new OptionsError(`one view at a time, got ${parsed.positionals.length}`);
    const v = parsed.values;
    const options = resolveShotOptions(
      {
        target: parsed.positionals[0],
        output: v.output,
        url: v.url,
        trackingUri: v['tracking-uri'],
        width: v.width,
        height: v.height,
        scale: v.scale,
        fullPage: v['full-page'],
        theme: v.theme,
        tz: v.tz,
        timeout: v.timeout,
        allowErrors: v['allow-errors'],
        browser: v.browser,
      },
      process.env,
    );
    // Loaded here: Playwright is for shots, not for every `runlens serve`.
    const { takeShot } = await import('./render/shot.ts');
    const file = await takeShot(options, () => ({ staticDir: staticDir(), version: packageVersion() }));
    console.log(file);
    return 0;
  } catch (err) {
    if (err instanceof OptionsError) {
      console.error(`runlens shot: ${err.message}\n\n${SHOT_HELP}`);
      return 2;
    }
    // A render's own failures are for the user as they are; anything else (Chromium failing to
    // start, an unwritable file) by its first line, which names the problem.
    const message =
      err instanceof RenderError || err instanceof BrowserNotFoundError
        ? err.message
        : String((err as Error).message ?? err).split('\n')[0];
    console.error(`runlens shot: ${message}`);
    return 1;
  }
}

/**
 * The handler of last resort. Every request's errors are handled where they happen (app.ts,
 * proxy.ts); should one still escape, as a reset socket's ECONNRESET once did, it is logged and
 * the server keeps serving the other viewers instead of exiting with them.
 */
function keepServingOnStrayErrors(): void {
  const log = (kind: string) => (err: unknown) => {
    console.error(`runlens: ${kind} (kept serving): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  };
  process.on('uncaughtException', log('uncaught exception'));
  process.on('unhandledRejection', log('unhandled rejection'));
}
