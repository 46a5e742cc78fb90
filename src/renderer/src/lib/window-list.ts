/**
 * What the app's virtualised lists over the window's scroll (the library, the
 * highlights view) share, in one place: where the list starts on the page
 * (TanStack Virtual's scroll margin, followed as the page above it changes),
 * marking the selected row once it is rendered (one binding for the list, so
 * rows never re-run when the selection moves), and the keys that move it.
 */
import type { Virtualizer } from '@tanstack/svelte-virtual';
import { hasModifier, listMoveFor, movedIndex } from './keyboard';

/** Calls `set` with the list's offset from the top of the page now and whenever the page's layout changes. */
export function followScrollMargin(list: HTMLElement | null, set: (margin: number) => void): () => void {
  const measure = () => set((list?.getBoundingClientRect().top ?? 0) + window.scrollY);
  measure();
  const observer = new ResizeObserver(measure);
  observer.observe(document.body);
  return () => observer.disconnect();
}

/** Sets `attributes` on the row with id `rowId` inside `list` (if rendered); returns the undo. */
export function markRow(
  list: HTMLElement | null,
  rowId: string,
  attributes: Record<string, string>,
  cleared: Record<string, string | null>,
): () => void {
  const row = list?.querySelector<HTMLElement>(`#${CSS.escape(rowId)}`);
  if (!row) return () => {};
  for (const [name, value] of Object.entries(attributes)) row.setAttribute(name, value);
  return () => {
    for (const [name, value] of Object.entries(cleared))
      if (value === null) row.removeAttribute(name);
      else row.setAttribute(name, value);
  };
}

/**
 * A key pressed on a focused list: ↓/↑, j/k, Home/End move the selection (returned, and scrolled
 * into view); null when the key is not a move (or has a modifier), and nothing is done.
 */
export function movedSelection(
  event: KeyboardEvent,
  selectedIndex: number,
  count: number,
  virtualizer: Pick<Virtualizer<Window, Element>, 'scrollToIndex'>,
): number | null {
  if (hasModifier(event)) return null;
  const move = listMoveFor(event.key);
  if (!move) return null;
  event.preventDefault();
  const index = movedIndex(selectedIndex, move, count);
  if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  return index;
}
