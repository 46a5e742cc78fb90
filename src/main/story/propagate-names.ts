/**
 * "One sense per discourse": a name the parser recognised once is a name
 * wherever it appears in the story. Finds the occurrences the parser missed
 * ("Trump said" after "President Donald Trump"), including a person's surname
 * on its own, so that every mention can be counted and merged.
 */
import { isEnglishWord } from '../cleaning/english-words';
import { isOnlyTitle, nameTokens } from './name-forms';
import type { EntityKind, Mention } from './story-types';
import { withoutOverlaps } from './find-mentions';

interface Form {
  text: string;
  kind: EntityKind;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The forms to look for: every bare name, and the surname of every multi-word person name. */
export function formsToFind(mentions: Mention[]): Form[] {
  const votes = new Map<string, Map<EntityKind, number>>();
  const vote = (text: string, kind: EntityKind) => {
    const kinds = votes.get(text) ?? new Map<EntityKind, number>();
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    votes.set(text, kinds);
  };
  for (const mention of mentions) {
    vote(mention.name, mention.kind);
    const words = mention.name.split(' ');
    if (mention.kind === 'person' && words.length > 1) {
      const surname = words[words.length - 1]!;
      if (surname.length >= 3 && nameTokens(surname).length === 1) vote(surname, 'person');
    }
  }
  return [...votes].map(([text, kinds]) => ({
    text,
    kind: [...kinds].sort((a, b) => b[1] - a[1])[0]![0],
  }));
}

/**
 * Where a first name the parser did not know starts, when a surname follows
 * one ("Melania Trump" when only "Donald Trump" was recognised): a capitalised
 * word that is not a title, not a dictionary word and not at a sentence start.
 */
function unknownFirstName(text: string, surnameAt: number): number | null {
  const before = /(\p{Lu}[\p{Ll}'’-]+) $/u.exec(text.slice(Math.max(0, surnameAt - 40), surnameAt));
  if (before === null) return null;
  const word = before[1]!;
  const start = surnameAt - word.length - 1;
  if (isOnlyTitle(word) || isEnglishWord(word)) return null;
  return start;
}

/** The parser's mentions plus every other occurrence of a known form in the article. */
export function propagateNames(articleId: string, text: string, found: Mention[], forms: Form[]): Mention[] {
  const usable = forms
    .filter((form) => /^\p{Lu}/u.test(form.text))
    .sort((a, b) => b.text.length - a.text.length);
  if (usable.length === 0) return found;
  const kindOf = new Map(usable.map((form) => [form.text, form.kind]));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${usable.map((form) => escape(form.text)).join('|')})(?:['’]s|['’](?!\\p{L}))?(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const extra: Mention[] = [];
  for (const match of text.matchAll(pattern)) {
    const name = match[1]!;
    const kind = kindOf.get(name)!;
    const firstName = kind === 'person' && !name.includes(' ') ? unknownFirstName(text, match.index) : null;
    const start = firstName === null ? match.index : firstName;
    extra.push({
      articleId,
      start,
      end: match.index + match[0].length,
      text: text.slice(start, match.index + match[0].length),
      name: firstName === null ? name : `${text.slice(firstName, match.index)}${name}`,
      kind,
    });
  }
  return withoutOverlaps([...found, ...extra]);
}
