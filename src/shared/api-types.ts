/**
 * The shape of `window.api` as the renderer sees it: one function per contract
 * method, each resolving to an envelope (never rejecting for an expected
 * failure), and one subscription function per event, returning its unsubscribe.
 */
import type { z } from 'zod';
import type { ApiEnvelope } from './api-error';
import type { ApiEvent, ApiMethod } from './channels';
import type { ApiReply, ApiRequest, eventContract } from './contract';

export type BriefingApi = {
  [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiEnvelope<ApiReply<M>>>;
} & {
  [E in ApiEvent]: (listener: (payload: z.infer<(typeof eventContract)[E]>) => void) => () => void;
};
