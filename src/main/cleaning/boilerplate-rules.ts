/**
 * Site chrome that scraped articles carry, one pattern per kind. A line is
 * boilerplate only when the whole line matches, so article sentences that merely
 * mention these words are never removed.
 */
export type BoilerplateKind =
  | 'summary-prompt'
  | 'article-navigation'
  | 'thread-links'
  | 'copy-protection'
  | 'form-notice'
  | 'comment-counter'
  | 'comment-chrome'
  | 'sharing';

export const boilerplateRules: { kind: BoilerplateKind; pattern: RegExp }[] = [
  {
    kind: 'summary-prompt',
    pattern: /^(no time to read\??|get a summary|summari[sz]e (this|the) article)$/i,
  },
  { kind: 'article-navigation', pattern: /^(previous|next|prev\.?|older|newer) (article|post|story)$/i },
  {
    kind: 'thread-links',
    pattern: /^(related|recent|similar|popular|latest) (threads|posts|articles|stories)$/i,
  },
  { kind: 'copy-protection', pattern: /^(error:\s*)?content is protected\s*!*$/i },
  { kind: 'form-notice', pattern: /^["“”]\*["“”] indicates required fields$/i },
  { kind: 'comment-counter', pattern: /^\d+ comments?$/i },
  {
    kind: 'sharing',
    pattern:
      /^(share( this( article| story| post)?)?|share on (facebook|twitter|x|linkedin|whatsapp)|tweet|email|print|copy link|facebook|twitter|linkedin|whatsapp)$/i,
  },
];

/** Navigation lines are followed by the linked headline of the neighbouring article. */
export const navigationKind: BoilerplateKind = 'article-navigation';

export function boilerplateKindOf(text: string): BoilerplateKind | null {
  return boilerplateRules.find((rule) => rule.pattern.test(text))?.kind ?? null;
}
