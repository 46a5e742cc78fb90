/**
 * Puts a record into a list in the state given: replaces the one with that id,
 * adds it if absent, or removes it when the state is null (and does nothing if
 * it is already absent). Applying an operation's before or after state is this.
 */
export function placeById<T extends { id: string }>(list: T[], id: string, state: T | null): void {
  const at = list.findIndex((candidate) => candidate.id === id);
  if (state === null) {
    if (at >= 0) list.splice(at, 1);
  } else if (at >= 0) list[at] = state;
  else list.push(state);
}
