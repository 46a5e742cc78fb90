/** Human wording for counts and durations shown in the library and reader. */
/** One formatter for every count: `toLocaleString` builds a new one per call (half a millisecond per screen of library rows). */
const countFormat = new Intl.NumberFormat('en');

export function formatWordCount(count: number): string {
  return `${countFormat.format(count)} ${count === 1 ? 'word' : 'words'}`;
}

export function formatReadingTime(minutes: number): string {
  return minutes < 1 ? 'under a minute' : `${minutes} min read`;
}

/** "1 highlight", "3 highlights". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Every date the app shows, one way: "19 Aug 2025". Takes YYYY-MM-DD or an ISO time; shows its day as written. */
export function formatDate(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  if (!day) return value;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dayFormat.format(date);
}
