/** Human wording for counts and durations shown in the library and reader. */
export function formatWordCount(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'word' : 'words'}`;
}

export function formatReadingTime(minutes: number): string {
  return minutes < 1 ? 'under a minute' : `${minutes} min read`;
}

/** "1 highlight", "3 highlights". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
