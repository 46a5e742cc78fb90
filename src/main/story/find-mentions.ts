/**
 * Mentions of people, organisations and places in one article's cleaned body,
 * found with `compromise` (chosen over wink-nlp by measurement: see the
 * README's story desk section), then tidied: lists split ("U.K., France,
 * Germany"), leading stopwords and trailing common nouns dropped ("Biden
 * administration" → "Biden"), titles and possessives taken off the bare name.
 */
import nlp from 'compromise';
import * as lists from 'stopword';
import { bareName, isOnlyTitle } from './name-forms';
import { trimEndWhile } from './trim-chars';
import type { EntityKind, Mention } from './story-types';

let stopwords: Set<string> | null = null;
function isStopword(word: string): boolean {
  stopwords ??= new Set((lists as unknown as Record<string, string[]>)['eng'] ?? []);
  return stopwords.has(word.toLowerCase());
}

/** Small words allowed inside names ("Ursula von der Leyen", "Bank of England"). */
const nameJoiners = new Set([
  'of',
  'the',
  'von',
  'der',
  'van',
  'de',
  'da',
  'del',
  'la',
  'le',
  'al',
  'bin',
  'and',
  'for',
  'du',
  'di',
]);

/** Paragraph-sized pieces, so the parser's cost stays linear on very long articles. */
export function paragraphsOf(text: string): { start: number; text: string }[] {
  const pieces: { start: number; text: string }[] = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    pieces.push({ start: match.index, text: match[0] });
  }
  return pieces;
}

interface RawSpan {
  start: number;
  text: string;
}

/** Splits "U.K., France, Germany" and "Russia: Moscow" into their names. */
function splitList(span: RawSpan): RawSpan[] {
  const parts: RawSpan[] = [];
  const pattern = /[^,:;–—]+/g;
  for (let match = pattern.exec(span.text); match !== null; match = pattern.exec(span.text)) {
    parts.push({ start: span.start + match.index, text: match[0] });
  }
  return parts;
}

/** Demonym adjectives ("Ukrainian forces") that the parser takes for names. */
function isAdjective(name: string, after: string): boolean {
  return !name.includes(' ') && /(?:ian|ean|ese|ish|ic)$/.test(name) && /^\s+\p{Ll}/u.test(after);
}

/**
 * Grows a person's span over the rest of the name the parser cut off
 * ("President Donald" + " Trump’s", "Ursula" + " von der Leyen").
 */
function extendName(paragraph: string, end: number): number {
  if (!/[\p{L}’']/u.test(paragraph[end - 1] ?? '')) return end;
  const rest = /^(?:\s+(?:(?:von|van|der|de|da|del|la|le|al|bin|du|di)\s+)*\p{Lu}[\p{L}'’]*)+/u.exec(
    paragraph.slice(end),
  );
  return rest === null ? end : end + rest[0].length;
}

/** Trims the span to its name: no leading stopwords, no trailing lower-case words or punctuation. */
function trimToName(span: RawSpan): RawSpan | null {
  const words = [...span.text.matchAll(/\S+/g)].map((match) => ({ index: match.index, word: match[0] }));
  while (words.length > 0 && (isStopword(words[0]!.word) || !/^\p{Lu}/u.test(words[0]!.word))) words.shift();
  while (words.length > 0 && !/^\p{Lu}/u.test(words[words.length - 1]!.word)) words.pop();
  if (words.length === 0) return null;
  if (words.some(({ word }) => !/^\p{Lu}/u.test(word) && !nameJoiners.has(word.toLowerCase()))) return null;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  let text = span.text.slice(first.index, last.index + last.word.length);
  text = trimEndWhile(text, (char) => !/[\p{L}\p{N}’'?.]/u.test(char));
  if (/[^.]\.$/u.test(text) && !/\b\p{Lu}\.$/u.test(text)) text = text.slice(0, -1);
  return text.length === 0 ? null : { start: span.start + first.index, text };
}

type Doc = ReturnType<typeof nlp>;
const kindsOf: [EntityKind, (doc: Doc) => { json: Doc['json'] }][] = [
  ['person', (doc) => doc.people()],
  ['organization', (doc) => doc.organizations()],
  ['place', (doc) => doc.places()],
];

interface OffsetTerm {
  text: string;
  offset: { start: number; length: number };
}

/** The names compromise finds in one paragraph, with offsets in the article text. */
function mentionsInParagraph(articleId: string, paragraph: { start: number; text: string }): Mention[] {
  const doc = nlp(paragraph.text);
  const found: Mention[] = [];
  for (const [kind, select] of kindsOf) {
    const matches = select(doc).json({ offset: true }) as OffsetTerm[];
    for (const match of matches) {
      const rawEnd = match.offset.start + match.offset.length;
      const end = kind === 'person' ? extendName(paragraph.text, rawEnd) : rawEnd;
      const raw = paragraph.text.slice(match.offset.start, end);
      for (const part of splitList({ start: match.offset.start, text: raw })) {
        const span = trimToName(part);
        if (span === null) continue;
        const name = bareName(span.text, kind === 'person');
        if (name.length < 2 || isOnlyTitle(name) || isStopword(name)) continue;
        if (isAdjective(name, paragraph.text.slice(span.start + span.text.length))) continue;
        const start = paragraph.start + span.start;
        found.push({ articleId, start, end: start + span.text.length, text: span.text, name, kind });
      }
    }
  }
  return found;
}

const nameRun = String.raw`(?:\p{Lu}[\p{Ll}’'-]+\s+){1,3}\p{Lu}[\p{Ll}’'-]+`;
/** A run of capitalised words shortly before a reporting verb in the same clause: the speaker's name. */
const nameBeforeVerb = new RegExp(
  `(?<![\\p{L}])(${nameRun})(?=[^.!?;“”"«»\\n]{0,40}?\\b(?:said|says|told|asked|added|noted|stated|stating|wrote|warned|explained|replied|responded|insisted|argued|declared)\\b)`,
  'gu',
);
/** "…,” said Name Name". */
const nameAfterVerb = new RegExp(String.raw`\b(?:said|says)\s+(${nameRun})`, 'gu');

/**
 * People the parser does not know but the text presents as speakers
 * ("Kaja Kallas said"): speakers are people, so a capitalised name in the
 * subject of a reporting verb is taken as one, where the parser found nothing.
 */
function speakerNames(articleId: string, text: string): Mention[] {
  const found: Mention[] = [];
  for (const pattern of [nameBeforeVerb, nameAfterVerb]) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index + match[0].indexOf(match[1]!);
      const span = trimToName({ start: at, text: match[1]! });
      if (span === null) continue;
      const name = bareName(span.text);
      if (!name.includes(' ') || isOnlyTitle(name)) continue;
      found.push({
        articleId,
        start: span.start,
        end: span.start + span.text.length,
        text: span.text,
        name,
        kind: 'person',
      });
    }
  }
  return found;
}

/** Every mention compromise finds in the article, in text order, overlaps resolved to the longest; then unknown speakers. */
export function findMentions(articleId: string, text: string): Mention[] {
  const parsed = parsedParagraphs(text).flatMap((paragraph) => mentionsInParagraph(articleId, paragraph));
  return settleMentions(articleId, text, parsed);
}

/**
 * The parser reads the first 20,000 words (about 10 s on a slow machine);
 * past that, the names it found are found again by propagation over the whole
 * story, and speakers by their reporting verbs, so a 100,000-word article costs
 * little more than a 20,000-word one.
 */
export const parsedWordBudget = 20_000;

function parsedParagraphs(text: string): { start: number; text: string }[] {
  const kept: { start: number; text: string }[] = [];
  let words = 0;
  for (const paragraph of paragraphsOf(text)) {
    if (words >= parsedWordBudget) break;
    kept.push(paragraph);
    words += paragraph.text.split(' ').length;
  }
  return kept;
}

function settleMentions(articleId: string, text: string, found: Mention[]): Mention[] {
  const parsed = withoutOverlaps(found);
  const speakers = speakerNames(articleId, text).filter(
    (speaker) => !parsed.some((mention) => speaker.start < mention.end && mention.start < speaker.end),
  );
  return withoutOverlaps([...parsed, ...speakers]);
}

/** Keeps the longest of overlapping mentions (a person beats a place of the same span). */
export function withoutOverlaps(mentions: Mention[]): Mention[] {
  const rank = { person: 0, organization: 1, place: 2 } as const;
  const sorted = [...mentions].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || rank[a.kind] - rank[b.kind] || a.start - b.start,
  );
  // Characters already taken, per article: each check costs the mention's length, not the mention count.
  const taken = new Map<string, Set<number>>();
  const kept: Mention[] = [];
  for (const mention of sorted) {
    const used = taken.get(mention.articleId) ?? new Set<number>();
    taken.set(mention.articleId, used);
    let free = true;
    for (let at = mention.start; at < mention.end && free; at += 1) free = !used.has(at);
    if (!free) continue;
    for (let at = mention.start; at < mention.end; at += 1) used.add(at);
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}
