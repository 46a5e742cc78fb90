/**
 * A dispatcher for a window that loads while the store opens (issue 14: start
 * to interactive). The window's page, script and styles load, and its first
 * request is sent, while the main process opens the store; that request waits
 * here for the core and is answered the moment the store is open, instead of
 * the page's whole load starting only after the open. A core that failed to
 * start answers every request with `store-unavailable` and the reason, as an
 * envelope like every other answer, never a thrown error.
 */
import type { Dispatch } from './dispatcher';

export function dispatchWhenReady(ready: Promise<Dispatch>): Dispatch {
  // A failure is answered per request; it is not also an unhandled rejection.
  ready.catch(() => undefined);
  return async (channel, payload) => {
    let dispatch: Dispatch;
    try {
      dispatch = await ready;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: { code: 'store-unavailable', message: `The library could not be opened: ${reason}` },
      };
    }
    return dispatch(channel, payload);
  };
}
