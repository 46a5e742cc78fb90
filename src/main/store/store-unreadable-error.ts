/**
 * The error a store open ends in when the store cannot be used at all (written
 * by a newer version, not readable, locked): it names the path and says what is
 * wrong, so the app can show both instead of a blank window. Damage that can be
 * recovered from does not end in this error; see `RecoveryEvent`.
 */
export class StoreUnreadableError extends Error {
  readonly filePath: string;
  readonly reason: string;

  constructor(filePath: string, reason: string) {
    super(`The library at ${filePath} could not be opened. ${reason}`);
    this.name = 'StoreUnreadableError';
    this.filePath = filePath;
    this.reason = reason;
  }
}
