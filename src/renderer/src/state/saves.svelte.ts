/**
 * The one save path: every write the user makes (annotations, notes, source
 * metadata, theme, categories, briefings, deletions) goes through `track`, so
 * the header's "Saving…" / "All changes saved" / "Not saved" is always true.
 */
import { messageOf } from '../lib/api';

export class Saves {
  pending = $state(0);
  error = $state<string | null>(null);
  /** When the last write was confirmed (ms since the epoch). */
  lastSavedAt = $state<number | null>(null);

  get state(): 'idle' | 'saving' | 'saved' | 'error' {
    if (this.pending > 0) return 'saving';
    if (this.error) return 'error';
    return this.lastSavedAt ? 'saved' : 'idle';
  }

  async track<T>(task: Promise<T>): Promise<T> {
    this.pending += 1;
    try {
      const result = await task;
      this.error = null;
      this.lastSavedAt = Date.now();
      return result;
    } catch (error) {
      this.error = messageOf(error);
      throw error;
    } finally {
      this.pending -= 1;
    }
  }
}
