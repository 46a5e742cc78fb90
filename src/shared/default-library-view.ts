/**
 * The library's view before the user changes it: newest import first, no filter, no story.
 * Plain data in its own module (re-exported by the contract), so the renderer takes it without
 * the contract's zod schemas, which it never runs: they stayed out of its start-up bundle.
 */
import type { LibraryViewSettings } from './contract';

export const defaultLibraryView: LibraryViewSettings = {
  sort: 'added',
  descending: true,
  outlet: null,
  damaged: 'any',
  highlights: 'any',
  notes: 'any',
  reading: 'any',
  tag: null,
  storyId: null,
};
