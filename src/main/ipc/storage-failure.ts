/**
 * Turns a failure of the disk under a change (full, read-only, no permission,
 * an I/O error) into a message that says what happened and what was not
 * saved, e.g. "The disk is full: the highlight was not saved.", instead of
 * "failed unexpectedly". The store only acknowledges a change once it is
 * durable, so a change reported this way was not saved.
 */
import type { ApiMethod } from '../../shared/channels';

const whatFailed: Partial<Record<ApiMethod, string>> = {
  createHighlight: 'the highlight was not saved',
  updateHighlight: 'the change to the highlight was not saved',
  deleteHighlight: 'the highlight was not deleted',
  setArticleNote: 'the note was not saved',
  undo: 'the undo was not saved',
  redo: 'the redo was not saved',
  updateSettings: 'the settings were not saved',
  updateArticleMetadata: 'the change to the article was not saved',
  deleteArticle: 'the article was not deleted',
  importFiles: 'the import was not saved',
  importPickedFile: 'the import was not saved',
  createBriefing: 'the briefing was not saved',
  updateBriefing: 'the change to the briefing was not saved',
  setBriefingSections: 'the change to the briefing was not saved',
  addToBriefing: 'the change to the briefing was not saved',
  addSourcesCompared: 'the change to the briefing was not saved',
  deleteBriefing: 'the briefing was not deleted',
  getArticle: 'the article could not be read',
};

const causes: Record<string, string> = {
  ENOSPC: 'The disk is full',
  EDQUOT: 'The disk quota is used up',
  EROFS: 'The library is on a read-only disk',
  EACCES: 'Briefing Reader is not allowed to write the library’s files',
  EPERM: 'Briefing Reader is not allowed to write the library’s files',
  EIO: 'The disk reported a read or write error',
  EMFILE: 'Too many files are open',
};

/** The message for a disk failure under `method`, or null if `error` is not one. */
export function describeStorageFailure(method: ApiMethod, error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const cause = code ? causes[code] : undefined;
  if (!cause) return null;
  const path = (error as NodeJS.ErrnoException).path;
  const where = path ? ` (${path})` : '';
  return `${cause}${where}: ${whatFailed[method] ?? 'the change was not saved'}.`;
}
