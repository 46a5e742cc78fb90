/**
 * The window loads while the store opens: its requests wait for the core's
 * dispatcher and are answered by it, in the order sent; a core that failed to
 * start answers each request with an envelope, never a thrown error.
 */
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/main/ipc/dispatcher';
import { dispatchWhenReady } from '../../src/main/ipc/dispatch-when-ready';

describe('dispatchWhenReady', () => {
  it('holds requests until the core is ready, then answers each through its dispatcher, in order', async () => {
    let coreReady!: (dispatch: Dispatch) => void;
    const dispatch = dispatchWhenReady(new Promise<Dispatch>((resolve) => (coreReady = resolve)));
    const answered: string[] = [];
    const first = dispatch('window:start', {}).then((envelope) => (answered.push('first'), envelope));
    const second = dispatch('settings:get', {}).then((envelope) => (answered.push('second'), envelope));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toEqual([]);
    coreReady(async (channel, payload) => ({ ok: true, value: { channel, payload } }));
    expect(await first).toEqual({ ok: true, value: { channel: 'window:start', payload: {} } });
    expect(await second).toEqual({ ok: true, value: { channel: 'settings:get', payload: {} } });
    expect(answered).toEqual(['first', 'second']);
  });

  it('answers store-unavailable with the reason when the core failed to start', async () => {
    const dispatch = dispatchWhenReady(Promise.reject(new Error('EIO: the disk went away')));
    expect(await dispatch('window:start', {})).toEqual({
      ok: false,
      error: {
        code: 'store-unavailable',
        message: 'The library could not be opened: EIO: the disk went away',
      },
    });
  });
});
