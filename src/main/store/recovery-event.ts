/**
 * What the store did about a damaged or missing file when it opened, in words
 * the app can show the user: which file, what was wrong, what was done, and
 * where the damaged copy was kept.
 */
export type RecoveryOutcome =
  | 'restored-from-backup'
  | 'rebuilt-from-articles'
  | 'started-empty'
  /** The index journal: its sound records applied, articles found again from their files. */
  | 'kept-what-was-readable';

export interface RecoveryEvent {
  /** The file as the store knows it, e.g. "library.json" or "annotations/a-1234.json". */
  file: string;
  /** What the file holds, for people: "the library index", "highlights and notes of one article". */
  holds: string;
  problem: string;
  outcome: RecoveryOutcome;
  /** When the backup used was taken, for `restored-from-backup`. */
  backupTakenAt: string | null;
  /** Where the damaged file now is; null when the file was missing rather than damaged. */
  damagedCopy: string | null;
}
