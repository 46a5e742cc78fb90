/**
 * The renderer's only way to the main process: calls a contract method through
 * `window.api` and turns an error envelope into a thrown, typed `ApiError`.
 * Without a preload (browser mode), `window.api` is the HTTP transport, built
 * from the same channel list.
 */
import { ApiError, type ApiEnvelope } from '../../../shared/api-error';
import type { ApiMethod } from '../../../shared/channels';
import type { ApiReply, ApiRequest } from '../../../shared/contract';
import { httpApi } from './http-transport';

/** True when the page is served by the browser-mode server instead of running in the app's window. */
export const inBrowserMode = typeof window !== 'undefined' && !window.api;
if (inBrowserMode) window.api = httpApi();

export async function call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiReply<M>> {
  const api = window.api;
  if (!api) {
    throw new ApiError({
      code: 'internal',
      message: 'The connection to the app is missing (no window.api).',
    });
  }
  const send = api[method] as (request: ApiRequest<M>) => Promise<ApiEnvelope<ApiReply<M>>>;
  const envelope = await send(request);
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
