// Turns any failure into what a user needs: what happened, in MLflow's own words where it
// gave some, and what to do about it.
import { ApiError } from './api-error.ts';

export interface ErrorDescription {
  title: string;
  message: string;
  hint?: string;
  /** Shown as "MLflow error code"; MLflow's, or Runlens's RUNLENS_* codes. */
  errorCode?: string;
  recoverable: boolean;
}

export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof ApiError)) {
    return {
      title: 'Something went wrong',
      message: error instanceof Error ? error.message : String(error),
      recoverable: false,
    };
  }
  const code = error.errorCode ? { errorCode: error.errorCode } : {};
  switch (error.kind) {
    case 'unreachable':
      return {
        title: 'Cannot reach the tracking server',
        message: error.message,
        hint: 'Is `mlflow server` running at that address? Runlens keeps trying and recovers by itself when it answers.',
        recoverable: true,
      };
    case 'network':
      return {
        title: 'Cannot reach Runlens',
        message: error.message,
        hint: 'Check your connection, or restart `runlens serve`.',
        recoverable: true,
      };
    case 'invalid-response':
      return {
        title: 'The tracking server sent an unexpected response',
        message: error.message,
        hint: 'Is the tracking URI pointing at an MLflow-compatible server?',
        recoverable: false,
      };
    case 'http':
      return { ...code, ...describeHttp(error) };
  }
}

function describeHttp(error: ApiError): Omit<ErrorDescription, 'errorCode'> {
  const status = error.status ?? 0;
  if (status === 401) {
    return {
      title: 'The tracking server wants credentials (401)',
      message: error.message,
      hint: 'Start Runlens with MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD.',
      recoverable: false,
    };
  }
  if (status === 403) {
    const hostBlocked = /host header/i.test(error.message);
    const originBlocked = /cross-origin/i.test(error.message);
    return {
      title: 'The tracking server refused access (403)',
      message: error.message,
      hint: hostBlocked
        ? 'MLflow ≥ 3.5 refuses unknown Host headers: start it with --allowed-hosts including the host Runlens uses.'
        : originBlocked
          ? 'MLflow ≥ 3.5 blocks cross-origin writes: open Runlens through `runlens serve`, or add its origin with --cors-allowed-origins.'
          : 'Your credentials lack permission for this resource; ask the server admin for READ access.',
      recoverable: false,
    };
  }
  if (status === 404) {
    return { title: 'Not found', message: error.message, recoverable: false };
  }
  if (status === 429 || status === 503) {
    return {
      title: status === 429 ? 'The tracking server is rate limiting' : 'The tracking server is unavailable (503)',
      message: error.message,
      hint: 'Runlens retries by itself.',
      recoverable: true,
    };
  }
  return {
    title: `The tracking server answered with an error (${status})`,
    message: error.message,
    recoverable: status >= 500,
  };
}
