import { describe, expect, it } from 'vitest';
import { createLimiter } from './concurrency-limit.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createLimiter', () => {
  it('runs at most the given number of tasks at once, the others in order as slots free', async () => {
    const limit = createLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const done = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    gates[3]!.resolve();
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3]);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limit(() => Promise.resolve('next'))).toBe('next');
  });

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const limit = createLimiter(1);
    const gate = deferred();
    const first = limit(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limit(async () => {
      ran = true;
    }, controller.signal);
    controller.abort();
    await expect(second).rejects.toThrow();
    gate.resolve();
    await first;
    expect(await limit(() => Promise.resolve('third'))).toBe('third');
    expect(ran).toBe(false);
  });

  it('refuses a task whose signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(createLimiter(1)(() => Promise.resolve(1), controller.signal)).rejects.toThrow();
  });
});
