/**
 * The one error a store open can end in: it names the file and says what is
 * wrong with it, so the app can show both to the user instead of a blank window.
 */
export class StoreUnreadableError extends Error {
  readonly filePath: string;
  readonly reason: string;

  constructor(filePath: string, reason: string) {
    super(`The library file ${filePath} could not be read. ${reason}`);
    this.name = 'StoreUnreadableError';
    this.filePath = filePath;
    this.reason = reason;
  }
}
