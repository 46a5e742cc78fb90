/**
 * Size limits enforced at the IPC boundary, in one place so the contract,
 * the tests and the documentation agree.
 */
export const limits = {
  /** Article ids are short hashes; anything longer is a malformed request. */
  idLength: 64,
} as const;
