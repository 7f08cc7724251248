// The one error type every request fails with. Components read `kind` and `status` to choose
// a message and a hint; they never parse response bodies themselves.

export type ApiErrorKind =
  /** The Runlens proxy could not reach the tracking server (connection refused, DNS, timeout). */
  | 'unreachable'
  /** The browser could not reach Runlens itself (offline, server stopped). */
  | 'network'
  /** The server answered with a non-2xx status. */
  | 'http'
  /** A 2xx answer that is not the JSON shape MLflow documents. */
  | 'invalid-response';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  url: string;
  status?: number;
  /** MLflow's `error_code` (or Runlens's RUNLENS_* proxy codes). */
  errorCode?: string;
  retryAfterMs?: number;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly url: string;
  readonly status: number | undefined;
  readonly errorCode: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.url = init.url;
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.retryAfterMs = init.retryAfterMs;
  }

  get isNotFound(): boolean {
    return this.status === 404 || this.errorCode === 'RESOURCE_DOES_NOT_EXIST';
  }

  /** Worth retrying automatically: rate limits and temporary unavailability only. */
  get isTransient(): boolean {
    return this.status === 429 || this.status === 503;
  }

  /** A condition that can clear by itself, so the app keeps polling until it does. */
  get isRecoverable(): boolean {
    return this.kind === 'unreachable' || this.kind === 'network' || this.isTransient || this.status === 502 || this.status === 504;
  }
}
