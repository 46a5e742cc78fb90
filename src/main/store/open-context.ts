/**
 * What every loader of an opening store shares: the layout, the time of the
 * open, the list of repairs to report, the backups to restore from, and
 * whether the store is opened read-only (the command line's `list` and
 * `export`), in which case a loader reports damage and serves what it can from
 * the backups in memory but never writes, moves or creates a file.
 */
import type { BackupSource } from './backups';
import type { RecoveryEvent } from './recovery-event';
import type { StoreLayout } from './store-layout';

export interface OpenContext {
  layout: StoreLayout;
  now: Date;
  recovery: RecoveryEvent[];
  backups: BackupSource;
  readOnly: boolean;
}
