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
} as const;
