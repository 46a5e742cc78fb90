/**
 * The typed errors the renderer can receive from the main process.
 *
 * Errors cross the IPC boundary as plain data (Error subclasses lose their class
 * through structured clone), so every reply is an envelope: either a value or one
 * of these error records, which the renderer turns back into an `ApiError`.
 */
export const apiErrorCodes = [
  'invalid-request',
  'not-found',
  'store-unavailable',
  'export-failed',
  'internal',
  /** The disk failed under a change (full, read-only, no permission): the message says what was not saved. */
  'storage-failed',
] as const;

export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiErrorRecord {
  code: ApiErrorCode;
  message: string;
  /** Field-level problems for `invalid-request`, as "path: message" lines. */
  issues?: string[];
}

export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorRecord };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: string[];

  constructor(record: ApiErrorRecord) {
    super(record.message);
    this.name = 'ApiError';
    this.code = record.code;
    this.issues = record.issues ?? [];
  }
}

/** Raised inside the main process for a failure the user should see as-is. */
export class AppFailure extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
  }
}
