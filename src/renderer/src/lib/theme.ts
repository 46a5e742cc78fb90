/**
 * Applies the theme preference to the document. "system" leaves the choice to
 * the operating system through `prefers-color-scheme`; the CSS does the rest.
 */
import type { ThemePreference } from '../../../shared/contract';

export const themeChoices: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function applyTheme(preference: ThemePreference): void {
  const root = document.documentElement;
  if (preference === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = preference;
}
