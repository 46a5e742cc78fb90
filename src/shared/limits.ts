/**
 * Size limits enforced at the IPC boundary, in one place so the contract,
 * the tests and the documentation agree.
 */
export const limits = {
  /** Article ids are short hashes; anything longer is a malformed request. */
  idLength: 64,
  titleLength: 300,
  metadataLength: 300,
  urlLength: 2048,
  fileNameLength: 255,
  /** Matches the import size limit: 5 MB per file. */
  importBytes: 5 * 1024 * 1024,
  filesPerImport: 50,
  /** The renderer's import queue keeps this many one-file requests in flight, so the store writes them in batches. */
  importsInFlight: 8,
  /** Notes up to 200,000 characters (a long note of 100,000 must save and render). */
  noteLength: 200_000,
  tagLength: 40,
  tagsPerHighlight: 20,
  tagsPerArticle: 20,
  storyNameLength: 120,
  /** Articles added to or removed from a story in one request (a whole 10,000-article library). */
  articlesPerStoryChange: 10_000,
  /** Lines taken out of (or put back into) an article in one reader choice: a paragraph's lines. */
  linesPerChoice: 1_000,
  /** The highlights view's text filter, and the rows one request of it returns. */
  highlightFilterLength: 1_000,
  highlightRowsPerPage: 500,
  /** The library's rows one request of a page returns (the first screen, or a slice of the background load). */
  articleRowsPerPage: 2_500,
  /** No article is anywhere near ten million code points long. */
  maxOffset: 10_000_000,
} as const;
