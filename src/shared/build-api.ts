/**
 * Builds `window.api` from the contract's channel lists: one function per
 * method, each forwarding its request on that method's channel and nothing
 * else, and one subscription per event the main process may send.
 */
import { apiMethods, channels, events, type ApiChannel } from './channels';
import type { BriefingApi } from './api-types';

export type Invoke = (channel: ApiChannel, request: unknown) => Promise<unknown>;
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

export function buildApi(invoke: Invoke, subscribe: Subscribe): BriefingApi {
  const api: Record<string, unknown> = {};
  for (const method of apiMethods) {
    api[method] = (request = {}) => invoke(channels[method], request);
  }
  for (const [name, channel] of Object.entries(events)) {
    api[name] = (listener: (payload: unknown) => void) => subscribe(channel, listener);
  }
  return Object.freeze(api) as unknown as BriefingApi;
}
