// Which Chromium renders screenshots: an explicit path (--browser, RUNLENS_CHROMIUM), else the
// system's package found on PATH. Playwright's own browser downloads are not used: Runlens runs
// where those downloads are often impossible (closed networks, distro-managed machines).
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export class BrowserNotFoundError extends Error {}

/**
 * How every Chromium Runlens starts is launched (screenshots, PDF reports, the e2e tests and the
 * bench): --no-sandbox because Runlens often runs as root in a container, where Chromium's
 * sandbox cannot start; no GPU (headless servers have none, and software rendering is what
 * makes two renders pixel-identical); and none of the background calls to Google services,
 * which hang or fail on closed networks.
 */
export const HEADLESS_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export function findChromium(explicit: string | undefined, env: Record<string, string | undefined> = process.env): string {
  const given = explicit ?? env.RUNLENS_CHROMIUM;
  if (given) {
    if (!isExecutable(given)) throw new BrowserNotFoundError(`no Chromium at "${given}" (not an executable file)`);
    return given;
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new BrowserNotFoundError(
    'no Chromium found: install it (apt-get install chromium) or pass --browser <path> (env RUNLENS_CHROMIUM)',
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
