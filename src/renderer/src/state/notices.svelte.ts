/**
 * Messages for the user ("Added to the briefing", "Undid …", failures): shown
 * in the toast region where the user is looking, never pushing the page, and
 * gone on their own after a while (errors stay longer). At most a few at once.
 */
export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

export interface NoticeTimers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const browserTimers: NoticeTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Notices {
  items = $state<Notice[]>([]);
  #next = 1;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- expiry timers, never shown
  #timers = new Map<number, unknown>();

  constructor(
    private readonly lifetimeMs = { info: 5000, error: 9000 },
    private readonly timers: NoticeTimers = browserTimers,
    private readonly max = 3,
  ) {}

  show(text: string, kind: Notice['kind'] = 'info'): number {
    // The same message again replaces the one showing (and its timer) instead of stacking a copy.
    const same = this.items.find((notice) => notice.text === text && notice.kind === kind);
    if (same) this.dismiss(same.id);
    const id = this.#next++;
    this.items = [...this.items, { id, text, kind }];
    while (this.items.length > this.max) this.dismiss(this.items[0]!.id);
    this.#timers.set(
      id,
      this.timers.set(() => this.dismiss(id), this.lifetimeMs[kind]),
    );
    return id;
  }

  error(text: string): number {
    return this.show(text, 'error');
  }

  dismiss(id: number): void {
    const timer = this.#timers.get(id);
    if (timer !== undefined) this.timers.clear(timer);
    this.#timers.delete(id);
    this.items = this.items.filter((notice) => notice.id !== id);
  }

  /** Dismisses every notice (leaving a view does not need to; they expire). */
  clear(): void {
    for (const notice of this.items) this.dismiss(notice.id);
  }
}
