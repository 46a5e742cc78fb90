/**
 * The IPC boundary: takes a channel name and an untrusted payload, validates the
 * payload against the contract, runs the handler, checks the reply, and always
 * answers with an envelope, never a thrown error.
 *
 * The Electron shell registers this for every channel; the end-to-end harness
 * calls the very same function through Playwright's `exposeBinding`.
 */
import type { z } from 'zod';
import { AppFailure, type ApiEnvelope, type ApiErrorCode, type ApiErrorRecord } from '../../shared/api-error';
import { methodForChannel } from '../../shared/channels';
import { contract } from '../../shared/contract';
import { describeStorageFailure } from './storage-failure';
import { ArticleTextUnavailableError, AnnotationsUnreadableError } from '../store/library-store';
import type { Handlers } from './handler-types';

export type { ValidRequest } from './handler-types';
export type Dispatch = (channel: string, payload: unknown) => Promise<ApiEnvelope<unknown>>;

export interface DispatcherOptions {
  /** Where unexpected failures are reported; they reach the renderer only as "internal". */
  logError?: (error: unknown) => void;
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`);
}

/**
 * A copy of a request without its `undefined` fields. Over IPC (structured
 * clone) `{ note: undefined }` arrives as it was sent; the contract accepts it
 * as "not given", and so must the handlers, which would otherwise treat it as
 * a value to store.
 */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => [key, withoutUndefined(field)]),
  );
}

/**
 * The one place domain errors become codes: an error the user should see as-is
 * keeps its message under the code named here, whichever method raised it.
 */
function domainFailure(error: unknown): { code: ApiErrorCode; message: string } | null {
  if (error instanceof AppFailure) return { code: error.code, message: error.message };
  if (error instanceof ArticleTextUnavailableError || error instanceof AnnotationsUnreadableError)
    return { code: 'store-unavailable', message: error.message };
  return null;
}

function failure(error: ApiErrorRecord): ApiEnvelope<never> {
  return { ok: false, error };
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  const logError = options.logError ?? ((error) => console.error(error));

  return async (channel, payload) => {
    const method = methodForChannel(channel);
    if (!method) return failure({ code: 'invalid-request', message: `Unknown channel "${channel}".` });

    const { request, reply } = contract[method];
    const parsed = request.safeParse(payload ?? {});
    if (!parsed.success) {
      return failure({
        code: 'invalid-request',
        message: `The request to ${method} was malformed.`,
        issues: formatIssues(parsed.error),
      });
    }

    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(withoutUndefined(parsed.data));
      const checked = reply.safeParse(value);
      if (!checked.success) {
        logError(
          new Error(`Reply of ${method} broke the contract: ${formatIssues(checked.error).join('; ')}`),
        );
        return failure({ code: 'internal', message: `${method} produced an invalid reply.` });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      const known = domainFailure(error);
      if (known) return failure(known);
      const storage = describeStorageFailure(method, error);
      if (storage !== null) {
        logError(error);
        return failure({ code: 'storage-failed', message: storage });
      }
      logError(error);
      return failure({ code: 'internal', message: `${method} failed unexpectedly. Details are in the log.` });
    }
  };
}
