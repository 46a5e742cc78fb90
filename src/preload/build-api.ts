/**
 * Builds `window.api` from the contract's channel list: one function per method,
 * each forwarding its request on that method's channel and nothing else.
 */
import { apiMethods, channels, type ApiChannel } from '../shared/channels';
import type { BriefingApi } from '../shared/api-types';

export type Invoke = (channel: ApiChannel, request: unknown) => Promise<unknown>;

export function buildApi(invoke: Invoke): BriefingApi {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const method of apiMethods) {
    api[method] = (request = {}) => invoke(channels[method], request);
  }
  return Object.freeze(api) as unknown as BriefingApi;
}
