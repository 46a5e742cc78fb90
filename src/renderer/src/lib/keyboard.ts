/**
 * Decides whether a key press is meant for the app's shortcuts or for a text
 * field the user is typing in, and names the navigation keys in one place.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function hasModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}

export type ListMove = 'next' | 'previous' | 'first' | 'last';

export function listMoveFor(key: string): ListMove | null {
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return 'next';
    case 'ArrowUp':
    case 'k':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

export function movedIndex(current: number, move: ListMove, length: number): number {
  if (length === 0) return -1;
  switch (move) {
    case 'next':
      return Math.min(current + 1, length - 1);
    case 'previous':
      return Math.max(current - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return length - 1;
  }
}
