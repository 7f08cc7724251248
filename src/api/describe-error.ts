// Turns any failure into what a user needs: what happened, in MLflow's own words where it
// gave some, and what to do about it. Whether the app tries again is not guessed here: it is
// ApiError.isRecoverable, the same rule the query client retries and polls by (retry-policy.ts).
import type { RunlensErrorCode } from '../../contract/runlens-http.ts';
import { ApiError } from './api-error.ts';
import { boundedRetryAfter, isRecoverable } from './retry-policy.ts';

export interface ErrorDescription {
  title: string;
  message: string;
  hint?: string;
  /** Shown as "MLflow error code"; MLflow's, or Runlens's RUNLENS_* codes. */
  errorCode?: string;
  /** The cause can clear by itself, and a query that failed with it is polled until it does. */
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
  const recoverable = isRecoverable(error);
  switch (error.kind) {
    case 'unreachable':
      return {
        title: 'Cannot reach the tracking server',
        message: error.message,
        hint: 'Is `mlflow server` running at that address, and answering?',
        recoverable,
      };
    case 'network':
      return {
        title: 'Cannot reach Runlens',
        message: error.message,
        hint: 'Check your connection, or restart `runlens serve`.',
        recoverable,
      };
    case 'truncated':
      return {
        title: 'The response was cut off',
        message: error.message,
        hint: 'The connection dropped before the whole answer arrived; this is usually temporary.',
        recoverable,
      };
    case 'invalid-response':
      return {
        title: 'The tracking server sent an unexpected response',
        message: error.message,
        hint: 'Is the tracking URI pointing at an MLflow-compatible server?',
        recoverable,
      };
    case 'http':
      return { ...code, ...describeHttp(error), recoverable };
  }
}

/** MLflow's words when an artifact repository call fails ("Failed to list artifacts in s3://…"). */
const ARTIFACT_STORE_FAILURE = /^Failed to (list|download|get|read|upload)\b.*\bartifacts?\b/i;

function describeHttp(error: ApiError): Pick<ErrorDescription, 'title' | 'message' | 'hint'> {
  const status = error.status ?? 0;
  const message = error.message;
  // Runlens's own codes, checked against the contract the proxy answers by.
  const madeByRunlens = (...codes: RunlensErrorCode[]) => codes.some((code) => error.errorCode === code);
  if (madeByRunlens('RUNLENS_UPSTREAM_REDIRECT')) {
    return { title: 'The tracking server redirected elsewhere', message, hint: 'Check the tracking URI Runlens was started with.' };
  }
  if (madeByRunlens('RUNLENS_EMBED_REFUSED')) {
    return {
      title: 'This embed link does not allow it',
      message,
      hint: 'A signed embed link reads only the experiments and runs it names, until it expires. Ask whoever shared it for a new link.',
    };
  }
  if (madeByRunlens('RUNLENS_PROXY_REFUSED', 'RUNLENS_BAD_REQUEST')) {
    return { title: `Runlens refused the request (${status})`, message };
  }
  // MLflow passes on its artifact store's refusal of the server's own keys (S3's
  // InvalidAccessKeyId arrives as a 401): not the user's sign-in, and not theirs to fix.
  if ((status === 401 || status === 403) && ARTIFACT_STORE_FAILURE.test(message)) {
    return {
      title: `The artifact store refused the tracking server (${status})`,
      message,
      hint: "The tracking server's own credentials for its artifact store (for S3: its AWS keys) are wrong or missing; your sign-in is fine. Whoever runs the tracking server can fix it.",
    };
  }
  if (status === 401) {
    return {
      title: 'The tracking server wants credentials (401)',
      message,
      hint: 'Start Runlens with MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD.',
    };
  }
  if (status === 403) {
    const hostBlocked = /host header/i.test(message);
    const originBlocked = /cross-origin/i.test(message);
    return {
      title: 'The tracking server refused access (403)',
      message,
      hint: hostBlocked
        ? 'MLflow ≥ 3.5 refuses unknown Host headers: start it with --allowed-hosts including the host Runlens uses.'
        : originBlocked
          ? 'MLflow ≥ 3.5 blocks cross-origin writes: open Runlens through `runlens serve`, or add its origin with --cors-allowed-origins.'
          : 'Your credentials lack permission for this resource; ask the server admin for READ access.',
    };
  }
  if (status === 404) return { title: 'Not found', message };
  if (status === 429) {
    const wait = boundedRetryAfter(error);
    return {
      title: 'The tracking server is rate limiting',
      message,
      hint:
        wait === undefined
          ? 'Runlens waits longer between attempts until it is let through.'
          : `It asked Runlens to wait ${formatSeconds(wait)} before trying again.`,
    };
  }
  if (status === 503)
    return { title: 'The tracking server is unavailable (503)', message, hint: 'It may be starting, restarting or overloaded.' };
  if (status === 502) return { title: 'A gateway in front of the tracking server failed (502)', message };
  if (status === 504) return { title: 'The tracking server did not answer in time (504)', message };
  return { title: `The tracking server answered with an error (${status})`, message };
}

function formatSeconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s === 1 ? '1 second' : `${s} seconds`;
}
