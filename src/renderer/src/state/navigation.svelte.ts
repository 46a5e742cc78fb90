/** Which screen is shown: one of the three views, or the reader (which lights the view it was opened from). */
export type View = 'library' | 'highlights' | 'briefings' | 'stories';

export class Navigation {
  view = $state<View>('library');
  /** The shortcut overlay (`?`). */
  showingKeys = $state(false);
}
