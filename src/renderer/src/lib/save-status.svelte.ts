/**
 * Whether the user's changes are saved: every change goes through `track`,
 * which shows "Saving…" while it is in flight, "All changes saved" once the
 * main process confirmed it is durable, and the error if it failed.
 */
import { messageOf } from './api';

class SaveStatus {
  pending = $state(0);
  error = $state<string | null>(null);
  lastSavedAt = $state<Date | null>(null);

  async track<T>(task: Promise<T>): Promise<T> {
    this.pending += 1;
    try {
      const result = await task;
      this.error = null;
      this.lastSavedAt = new Date();
      return result;
    } catch (error) {
      this.error = messageOf(error);
      throw error;
    } finally {
      this.pending -= 1;
    }
  }
}

export const saveStatus = new SaveStatus();
