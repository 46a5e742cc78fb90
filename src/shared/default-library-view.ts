/**
 * The library's view before the user changes it: newest import first, no filter, no story.
 * Plain data in its own module, importing nothing (the contract types it as its
 * `LibraryViewSettings` and re-exports it), so the renderer takes it without the contract's zod
 * schemas, which it never runs: they stay out of its start-up bundle.
 */
export const defaultLibraryView = {
  sort: 'added',
  descending: true,
  outlet: null,
  damaged: 'any',
  highlights: 'any',
  notes: 'any',
  reading: 'any',
  tag: null,
  storyId: null,
} as const;
