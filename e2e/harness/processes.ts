// Small process helpers shared by the e2e harness, the demo and the benchmark.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a command to completion, streaming or capturing its output; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions & { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output.slice(-4000)}`));
    });
  });
}

/** Polls `check` until it resolves true or `timeoutMs` passes. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited with code ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

/** Stops a child and everything it started (it must have been spawned with `detached: true`). */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface ServiceOptions {
  /** Where its output goes (and whose end a failure to start shows). */
  logFile: string;
  env?: Record<string, string | undefined>;
  /** Resolves true once the service answers. */
  ready: () => Promise<boolean>;
  timeoutMs: number;
  /** More logs to show when it fails to start (a server that writes its own error log). */
  moreLogs?: string[];
}

/**
 * Starts a long-running server in its own process group, its output in `logFile`, and waits
 * until it answers; a failure to start stops it and says why from the end of its logs.
 */
export async function startService(what: string, command: string, args: string[], options: ServiceOptions): Promise<() => Promise<void>> {
  const log = createWriteStream(options.logFile);
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = () => stopProcessGroup(child);
  try {
    await waitFor(what, options.ready, options.timeoutMs, child);
  } catch (err) {
    await stop();
    const logs = [options.logFile, ...(options.moreLogs ?? [])].map((file) => {
      const text = existsSync(file) ? readFileSync(file, 'utf8').slice(-3000) : '(none)';
      return `--- ${file} ---\n${text}`;
    });
    throw new Error(`${(err as Error).message}\n${logs.join('\n')}`);
  }
  return stop;
}
