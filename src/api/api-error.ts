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
  | 'invalid-response'
  /** The connection dropped while the body was arriving (fewer bytes than announced, a reset). */
  | 'truncated';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  url: string;
  status?: number;
  /** MLflow's `error_code` (or Runlens's RUNLENS_* proxy codes). */
  errorCode?: string;
  retryAfterMs?: number;
}

/** HTTP answers worth trying again: rate limited, or a server or gateway in trouble. */
const RECOVERABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

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

  /**
   * The one definition of a failure that can clear by itself, so the app tries again (how soon:
   * retry-policy.ts). A server or gateway in trouble (500, 502, 503, 504) or rate limiting (429)
   * usually recovers; so does a connection that failed or dropped. A refusal (other 4xx), a
   * redirect the proxy will not follow, an endpoint the server lacks (501) and a body of the
   * wrong shape fail the same way every time.
   */
  get isRecoverable(): boolean {
    switch (this.kind) {
      case 'unreachable':
      case 'network':
      case 'truncated':
        return true;
      case 'invalid-response':
        return false;
      case 'http':
        return this.status !== undefined && RECOVERABLE_STATUSES.has(this.status) && this.errorCode !== 'RUNLENS_UPSTREAM_REDIRECT';
    }
  }
}
