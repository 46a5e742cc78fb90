/**
 * The five highlight categories a new library starts with; their order gives
 * their number keys (1–5). Plain data in its own module, so the wire contract
 * and the stored-data schemas can both use it without one importing the other.
 */
export const defaultCategories: { id: string; name: string; color: string }[] = [
  { id: 'key-judgment', name: 'Key judgment', color: '#f2c94c' },
  { id: 'evidence', name: 'Evidence', color: '#6fcf97' },
  { id: 'counterpoint', name: 'Counterpoint', color: '#f2994a' },
  { id: 'question', name: 'Question', color: '#56ccf2' },
  { id: 'quote', name: 'Quote', color: '#bb6bd9' },
];
