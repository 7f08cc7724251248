// Starts the built `runlens serve` (bin/runlens.js) as a user would, on a free port.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './python-env.ts';
import { stopProcessGroup, waitFor } from './processes.ts';

export interface RunlensServer {
  url: string;
  /** The serve process, for the soak's memory readings. */
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

export async function startRunlens(
  trackingUri: string,
  options: { port?: number; args?: string[]; env?: Record<string, string> } = {},
): Promise<RunlensServer> {
  const child = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'bin/runlens.js'),
      'serve',
      '--tracking-uri',
      trackingUri,
      '--port',
      String(options.port ?? 0),
      ...(options.args ?? []),
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let url = '';
  await waitFor(
    'runlens serve',
    async () => {
      url = /Runlens is serving on (\S+)/.exec(output)?.[1] ?? '';
      return url !== '';
    },
    30_000,
    child,
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${output}`);
  });
  return { url: url.replace(/\/$/, ''), pid: child.pid!, output: () => output, stop: () => stopProcessGroup(child) };
}
