/**
 * The window's start-up request (issue 14): the status, settings, stories and the library's first
 * screen come in one round trip, and it is sent from the entry module before the app is mounted,
 * so the main process works on it while the page builds its state and first render.
 */
import type { WindowStart } from '../../../shared/contract';
import { call } from './api';

/** The first screen: the rows a window of this height shows, twice over, plus a few. */
export const firstPageRows = (height: number) => Math.ceil(height / 64) * 2 + 10;

let early: Promise<WindowStart> | null = null;

/** Sends the start-up request now (once); `takeWindowStart` then answers with it. */
export function requestWindowStart(): void {
  early ??= call('startWindow', { firstPageRows: firstPageRows(window.innerHeight) });
  // Taken by the app's start; a failure is reported there, not as an unhandled rejection here.
  early.catch(() => {});
}

/** The start-up request sent early, or a new one (a second start, or none was sent). */
export function takeWindowStart(): Promise<WindowStart> {
  const taken = early;
  early = null;
  return taken ?? call('startWindow', { firstPageRows: firstPageRows(window.innerHeight) });
}
