import { describe, expect, it } from 'vitest';
import { createRenderQueue, QueueFullError } from './render-queue.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createRenderQueue', () => {
  it('runs at most `concurrency` tasks at once and the waiting ones in order', async () => {
    const queue = createRenderQueue({ concurrency: 2, maxWaiting: 5 });
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      queue.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(queue.waiting).toBe(2);
    gates[1]!.resolve();
    await results[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(queue.active).toBe(0);
  });

  it('refuses at once when the line is full, and frees slots after failures', async () => {
    const queue = createRenderQueue({ concurrency: 1, maxWaiting: 1 });
    const gate = deferred();
    const first = queue.run(async () => {
      await gate.promise;
      throw new Error('render failed');
    });
    const second = queue.run(async () => 'second');
    await expect(queue.run(async () => 'third')).rejects.toBeInstanceOf(QueueFullError);
    gate.resolve();
    await expect(first).rejects.toThrow('render failed');
    expect(await second).toBe('second');
    expect(await queue.run(async () => 'later')).toBe('later');
    expect(queue.active).toBe(0);
    expect(queue.waiting).toBe(0);
  });
});
