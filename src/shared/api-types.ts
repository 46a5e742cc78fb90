/**
 * The shape of `window.api` as the renderer sees it: one function per contract
 * method, each resolving to an envelope (never rejecting for an expected failure).
 */
import type { ApiEnvelope } from './api-error';
import type { ApiMethod } from './channels';
import type { ApiReply, ApiRequest } from './contract';

export type BriefingApi = {
  [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiEnvelope<ApiReply<M>>>;
};
