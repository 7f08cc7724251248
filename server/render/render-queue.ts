// Bounds the work image links can ask of one Chromium: a few renders at a time, a short line
// behind them, and a refusal (not an ever-growing wait) when the line is full.

export class QueueFullError extends Error {}

export interface RenderQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createRenderQueue(limits: { concurrency: number; maxWaiting: number }): RenderQueue {
  let active = 0;
  const line: (() => void)[] = [];

  const release = () => {
    active -= 1;
    const next = line.shift();
    if (next) {
      active += 1;
      next();
    }
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return line.length;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= limits.concurrency) {
        if (line.length >= limits.maxWaiting) {
          throw new QueueFullError(`too many renders at once (${active} running, ${line.length} waiting): try again shortly`);
        }
        // The slot is handed over by release(), so it is taken before anyone else can see it free.
        await new Promise<void>((resolve) => line.push(resolve));
      } else {
        active += 1;
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
