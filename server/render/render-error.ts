// Why a render gave no image. Apart from renderer.ts so code that only reports these errors
// (the /render route, the CLI) does not load Playwright until a render is asked for.
export type RenderFailure = 'page-error' | 'timeout' | 'unreachable';

/** A render that did not give an image; the message is meant for the user as it is. */
export class RenderError extends Error {
  constructor(
    message: string,
    readonly kind: RenderFailure,
  ) {
    super(message);
  }
}
