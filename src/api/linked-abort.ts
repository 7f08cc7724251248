// Cancellation scopes inside one query: a request (or a set of them) that can be stopped alone,
// and stops with the query's own signal.

/** An AbortController that also aborts with `outer`; dispose() aborts it and lets go of `outer`. */
export function linkedController(outer: AbortSignal | undefined) {
  const controller = new AbortController();
  const stop = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', stop, { once: true });
  return {
    controller,
    dispose: () => {
      outer?.removeEventListener('abort', stop);
      controller.abort();
    },
  };
}
