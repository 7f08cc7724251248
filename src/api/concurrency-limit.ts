// TanStack Query starts every query as soon as it is observed and has no limit of its own. A list
// whose rows each ask the server something (the experiment list's run counts) would send them
// all at once, and the browser would queue the page's own requests behind them (six per host on
// HTTP/1.1). A limiter keeps a few in flight and the rest waiting in order; a waiting request
// whose query is cancelled (its row scrolled away) leaves the queue without ever being sent.

export type Limiter = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

export function createLimiter(maxInFlight: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];

  const acquire = (signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (active < maxInFlight) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', cancel);
        active += 1;
        resolve();
      };
      const cancel = () => {
        const at = waiting.indexOf(start);
        if (at >= 0) waiting.splice(at, 1);
        reject(signal?.reason as Error);
      };
      waiting.push(start);
      signal?.addEventListener('abort', cancel, { once: true });
    });
  };

  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };

  return async (task, signal) => {
    await acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  };
}
