/**
 * Who said it: the speaker of a quotation, from the reporting frame around it.
 * Forms: "…," X said / "…," said X / X said: "…" / X told Y that "…" /
 * a quote that carries on the previous quote of its paragraph / a paragraph
 * that is only a quote after one that ends "X said:". The speaker is a
 * person or organisation mention (never one inside a quote) or he/she,
 * resolved to the subject of the nearest sentence before that names a person.
 */
import { sentenceStartAt } from './sentence-starts';
import type { Mention } from './story-types';

/** Reporting verbs and phrases (general English, not tuned to any text). */
const speechVerb =
  /\b(?:says?|said|saying|told|tells?|telling|stated?|states|stating|asked|asks?|asking|add(?:s|ed|ing)|not(?:es|ed|ing)|responded|responds|replie[sd]|warn(?:s|ed|ing)|insist(?:s|ed|ing)|emphasi[sz](?:es|ed|ing)|stress(?:es|ed|ing)|argu(?:es|ed|ing)|claim(?:s|ed|ing)|wrote|writes|declar(?:es|ed|ing)|announc(?:es|ed|ing)|explain(?:s|ed|ing)|describ(?:es|ed|ing)|(?<!so-)call(?:s|ed|ing)|confirm(?:s|ed|ing)|acknowledg(?:es|ed|ing)|admit(?:s|ted|ting)|recall(?:s|ed|ing)|remark(?:s|ed|ing)|tweet(?:s|ed|ing)|observ(?:es|ed|ing)|promis(?:es|ed|ing)|vow(?:s|ed|ing)|pledg(?:es|ed|ing)|predict(?:s|ed|ing)|answer(?:s|ed|ing)|caution(?:s|ed|ing)|urg(?:es|ed|ing)|conclud(?:es|ed|ing)|made (?:it )?clear|makes (?:it )?clear)\b/giu;

/** "… and confirmed that": a clause that goes on with the previous subject. */
export const sameSubjectClause = new RegExp(
  `^[\\s,]*(?:(?:and|but|then)\\s+)?(?:\\p{L}+ly\\s+)?${speechVerb.source}`,
  'iu',
);

/** The same, without the global flag's shared `lastIndex`, for finding the first one. */
const firstSpeechVerb = new RegExp(speechVerb.source, 'iu');

const pronoun = /\b(?:he|she)\b/giu;

export interface SpeakerFound {
  /** The speaker's words in the text ("Trump", "he"). */
  text: string;
  /** The mention the speaker resolves to, or null (no named speaker). */
  mention: Mention | null;
}

export interface FrameContext {
  text: string;
  /** Person and organisation mentions of the article outside quotes, in text order. */
  speakers: Mention[];
  /** Sentence starts of the article, ascending. */
  sentenceStarts: number[];
}

/** The subject a pronoun at `at` stands for: the first person named in the nearest sentence before that names one. */
function resolvePronoun(context: FrameContext, at: number): Mention | null {
  const people = context.speakers.filter((mention) => mention.kind === 'person' && mention.start < at);
  if (people.length === 0) return null;
  const last = people[people.length - 1]!;
  const sentenceStart = sentenceStartAt(context.sentenceStarts, last.start);
  return people.find((mention) => mention.start >= sentenceStart) ?? last;
}

function speakerAt(
  context: FrameContext,
  start: number,
  end: number,
  nearest: 'last' | 'first',
): SpeakerFound | null {
  const inside = context.speakers.filter((mention) => mention.start >= start && mention.end <= end);
  const pronouns = [...context.text.slice(start, end).matchAll(pronoun)].map((match) => ({
    at: start + match.index,
    word: match[0],
  }));
  const mention = nearest === 'last' ? inside[inside.length - 1] : inside[0];
  const word = nearest === 'last' ? pronouns[pronouns.length - 1] : pronouns[0];
  const mentionWins =
    mention !== undefined &&
    (word === undefined || (nearest === 'last' ? mention.start > word.at : mention.start < word.at));
  if (mentionWins) return { text: mention.text, mention };
  if (word !== undefined) return { text: word.word, mention: resolvePronoun(context, word.at) };
  return null;
}

/** '…,” Trump said' / '…,” said Trump' / '…,” he told reporters': the frame right after the quote. */
export function speakerAfter(context: FrameContext, close: number, frameEnd: number): SpeakerFound | null {
  const frame = context.text.slice(close, frameEnd);
  const lead = /^[\s,]*/u.exec(frame)![0].length;
  const verb = firstSpeechVerb.exec(frame);
  if (verb === null) return null;
  const beforeVerb = frame.slice(lead, verb.index);
  if (beforeVerb.trim().split(/\s+/).length <= 4 && beforeVerb.trim() !== '') {
    const found = speakerAt(context, close + lead, close + verb.index, 'last');
    if (found !== null) return found;
  }
  if (beforeVerb.trim() === '') {
    const afterVerb = close + verb.index + verb[0].length;
    const found = speakerAt(context, afterVerb, Math.min(frameEnd, afterVerb + 60), 'first');
    if (found !== null) return found;
  }
  return null;
}

/** 'X said: "…"' / 'X told Y that "…"': the nearest named subject before the last reporting verb before the quote. */
export function speakerBefore(
  context: FrameContext,
  frameStart: number,
  open: number,
): SpeakerFound | 'verb only' | null {
  const frame = context.text.slice(frameStart, open);
  const verbs = [...frame.matchAll(speechVerb)];
  if (verbs.length === 0) return null;
  const verb = verbs[verbs.length - 1]!;
  return speakerAt(context, frameStart, frameStart + verb.index, 'last') ?? 'verb only';
}
