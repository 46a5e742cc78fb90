/**
 * The renderer's state classes, compiled by Svelte as the app compiles them:
 * notices expire on their own, a repeated message replaces its copy, at most
 * three show at once; the save path reports saving, saved and failures.
 */
import { describe, expect, it } from 'vitest';
import { Notices, type NoticeTimers } from '../../src/renderer/src/state/notices.svelte';
import { Saves } from '../../src/renderer/src/state/saves.svelte';

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: NoticeTimers = {
    set: (run) => {
      pending.set(++next, run);
      return next;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const fireAll = () => [...pending.values()].forEach((run) => run());
  return { timers, pending, fireAll };
}

describe('notices', () => {
  it('expire on their own, replace a repeated message, and keep at most three', () => {
    const { timers, pending, fireAll } = manualTimers();
    const notices = new Notices({ info: 5000, error: 9000 }, timers);
    notices.show('Added to the briefing.');
    notices.show('Added to the briefing.');
    expect(notices.items.map((n) => n.text)).toEqual(['Added to the briefing.']);
    expect(pending.size).toBe(1);
    notices.show('Undid: highlight');
    notices.error('Not added: gone');
    notices.show('Deleted.');
    expect(notices.items.map((n) => n.text)).toEqual(['Undid: highlight', 'Not added: gone', 'Deleted.']);
    expect(notices.items[1]!.kind).toBe('error');
    fireAll();
    expect(notices.items).toEqual([]);
  });
});

describe('the save path', () => {
  it('says saving while a write is in flight, saved after, and keeps a failure until the next success', async () => {
    const saves = new Saves();
    expect(saves.state).toBe('idle');
    let finish!: (value: number) => void;
    const writing = saves.track(new Promise<number>((resolve) => (finish = resolve)));
    expect(saves.state).toBe('saving');
    finish(1);
    await writing;
    expect(saves.state).toBe('saved');
    await expect(saves.track(Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect([saves.state, saves.error]).toEqual(['error', 'disk full']);
    await saves.track(Promise.resolve(2));
    expect(saves.state).toBe('saved');
  });
});
