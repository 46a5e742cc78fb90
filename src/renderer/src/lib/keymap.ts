/**
 * Every keyboard shortcut, as a table per scope: which keys, where they work,
 * what they do, and the action they trigger. The app's key handlers resolve
 * presses through this table, the `?` overlay lists it, and a test checks the
 * README's key table against it, so the three never disagree.
 */
export type KeyScope = 'anywhere' | 'library' | 'reader' | 'briefing';

export type KeyAction =
  | 'undo'
  | 'redo'
  | 'import'
  | 'show-keys'
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'open'
  | 'delete'
  | 'highlight'
  | 'focus-next'
  | 'focus-previous'
  | 'highlight-focused'
  | 'add-to-briefing'
  | 'delete-highlight'
  | 'remove-lines'
  | 'escape'
  | 'move-item'
  | 'tab'
  | 'search'
  | 'find';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface KeyBinding {
  scope: KeyScope;
  /** As the README's key table writes them. */
  keys: string;
  where: string;
  does: string;
  action: KeyAction;
  /** Null for keys the browser or a component handles itself (listed for the overlay and README only). */
  matches: ((press: KeyPress) => boolean) | null;
  /** Whether the key also works while typing in a text field. */
  inFields?: boolean;
}

const command = (press: KeyPress) => (press.ctrlKey || press.metaKey) && !press.altKey;
const plain = (press: KeyPress) => !press.ctrlKey && !press.metaKey && !press.altKey;
const plainKey =
  (...keys: string[]) =>
  (press: KeyPress) =>
    plain(press) && keys.includes(press.key);
const categoryKey = (press: KeyPress) => plain(press) && /^[1-5]$/.test(press.key);

export const keymap: KeyBinding[] = [
  {
    scope: 'library',
    keys: '`↓` / `j`',
    where: 'library',
    does: 'select the next article',
    action: 'next',
    matches: plainKey('ArrowDown', 'j'),
  },
  {
    scope: 'library',
    keys: '`↑` / `k`',
    where: 'library',
    does: 'select the previous article',
    action: 'previous',
    matches: plainKey('ArrowUp', 'k'),
  },
  {
    scope: 'library',
    keys: '`Home` / `End`',
    where: 'library',
    does: 'first / last article',
    action: 'first',
    matches: plainKey('Home'),
  },
  {
    scope: 'library',
    keys: '`Home` / `End`',
    where: 'library',
    does: 'first / last article',
    action: 'last',
    matches: plainKey('End'),
  },
  {
    scope: 'library',
    keys: '`Enter`',
    where: 'library',
    does: 'open the selected article',
    action: 'open',
    matches: plainKey('Enter'),
  },
  {
    scope: 'library',
    keys: '`Delete`',
    where: 'library',
    does: 'delete the selected article (asks first)',
    action: 'delete',
    matches: plainKey('Delete'),
  },
  {
    scope: 'anywhere',
    keys: '`Ctrl/Cmd+O`',
    where: 'anywhere',
    does: 'import articles',
    action: 'import',
    matches: null, // the menu's accelerator
  },
  {
    scope: 'reader',
    keys: '`1`–`5`',
    where: 'reader, text selected',
    does: 'highlight the selection in that category',
    action: 'highlight',
    matches: categoryKey,
  },
  {
    scope: 'reader',
    keys: '`j` / `k`',
    where: 'reader',
    does: 'move the paragraph focus down / up, scrolling it fully into view',
    action: 'focus-next',
    matches: plainKey('j'),
  },
  {
    scope: 'reader',
    keys: '`j` / `k`',
    where: 'reader',
    does: 'move the paragraph focus down / up, scrolling it fully into view',
    action: 'focus-previous',
    matches: plainKey('k'),
  },
  {
    scope: 'reader',
    keys: '`H`',
    where: 'reader',
    does: 'highlight the focused paragraph (last category used)',
    action: 'highlight-focused',
    matches: plainKey('h', 'H'),
  },
  {
    scope: 'reader',
    keys: '`1`–`5`',
    where: 'reader, paragraph focused',
    does: 'highlight the focused paragraph in that category',
    action: 'highlight',
    matches: null,
  },
  {
    scope: 'anywhere',
    keys: '`Ctrl/Cmd+Z`',
    where: 'anywhere but a text field',
    does: 'undo the last change',
    action: 'undo',
    matches: (p) => command(p) && !p.shiftKey && p.key.toLowerCase() === 'z',
  },
  {
    scope: 'anywhere',
    keys: '`Shift+Ctrl/Cmd+Z`, `Ctrl+Y`',
    where: 'anywhere but a text field',
    does: 'redo',
    action: 'redo',
    matches: (p) =>
      command(p) &&
      ((p.shiftKey && p.key.toLowerCase() === 'z') || (!p.shiftKey && p.key.toLowerCase() === 'y')),
  },
  {
    scope: 'reader',
    keys: '`B`',
    where: 'reader, highlight selected',
    does: 'add the highlight to the briefing',
    action: 'add-to-briefing',
    matches: plainKey('b', 'B'),
  },
  {
    scope: 'reader',
    keys: '`Delete`',
    where: 'reader, highlight selected',
    does: 'delete the highlight (undo brings it back)',
    action: 'delete-highlight',
    matches: plainKey('Delete'),
  },
  {
    scope: 'reader',
    keys: '`X`',
    where: 'reader, paragraph focused or text selected',
    does: 'take the paragraph(s) out of the article (undo or Restore puts them back)',
    action: 'remove-lines',
    matches: plainKey('x', 'X'),
  },
  {
    scope: 'briefing',
    keys: '`Alt+↑` / `Alt+↓`',
    where: 'briefing item focused',
    does: 'move the item up / down (across sections)',
    action: 'move-item',
    matches: null,
  },
  {
    scope: 'reader',
    keys: '`Esc`',
    where: 'reader',
    does: 'close the innermost thing first: the selection toolbar, re-attaching, the selected highlight, the paragraph focus; then back to the list',
    action: 'escape',
    matches: (p) => p.key === 'Escape',
  },
  {
    scope: 'reader',
    keys: '`Tab`',
    where: 'reader',
    does: 'move between flagged passages (and form fields)',
    action: 'tab',
    matches: null,
  },
  {
    scope: 'anywhere',
    keys: '`?`',
    where: 'anywhere but a text field',
    does: 'show these shortcuts',
    action: 'show-keys',
    matches: (p) => !p.ctrlKey && !p.metaKey && p.key === '?',
  },
  {
    scope: 'anywhere',
    keys: '`Ctrl/Cmd+K`',
    where: 'anywhere',
    does: 'search articles, highlights and notes (↑/↓ choose, Enter opens)',
    action: 'search',
    matches: (p) => command(p) && !p.shiftKey && p.key.toLowerCase() === 'k',
    inFields: true,
  },
  {
    scope: 'reader',
    keys: '`Ctrl/Cmd+F`',
    where: 'reader',
    does: 'find in the article (Enter / Shift+Enter: next / previous, Esc closes)',
    action: 'find',
    matches: (p) => command(p) && !p.shiftKey && p.key.toLowerCase() === 'f',
    inFields: true,
  },
];

/** The action a key press triggers in a scope, or null. */
export function resolveKey(scope: KeyScope, press: KeyPress, inField = false): KeyBinding | null {
  return (
    keymap.find(
      (binding) =>
        binding.scope === scope &&
        binding.matches !== null &&
        (!inField || binding.inFields) &&
        binding.matches(press),
    ) ?? null
  );
}

/** The rows of the key table (README and overlay): one per distinct key, place and effect. */
export function keyTable(): { keys: string; where: string; does: string }[] {
  const rows = new Map<string, { keys: string; where: string; does: string }>();
  for (const { keys, where, does } of keymap) rows.set(`${keys}|${where}|${does}`, { keys, where, does });
  return [...rows.values()];
}
