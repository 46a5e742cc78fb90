/**
 * Direct quotations with their speakers in one article. A pair of quotation
 * marks is a quotation when a reporting frame gives it a speaker (or at least a
 * reporting verb), or when it carries on a quotation of the same paragraph;
 * scare quotes and quoted names ("the “coalition of the willing”") have no
 * frame and are left out.
 */
import {
  sameSubjectClause,
  speakerAfter,
  speakerBefore,
  type FrameContext,
  type SpeakerFound,
} from './attribute-quote';
import { findQuoteSpans, quotedText, type QuoteSpan } from './quote-spans';
import { sentenceStartAt, sentenceStarts } from './sentence-starts';
import type { Mention, Quote } from './story-types';

const lineStartBefore = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEndAfter = (text: string, at: number) => {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
};

/** Where the frame before a quote starts: its sentence, not before the previous quote. */
function frameStartOf(
  text: string,
  span: QuoteSpan,
  previous: QuoteSpan | undefined,
  starts: number[],
): number {
  const lineStart = lineStartBefore(text, span.open);
  const sentence = sentenceStartAt(starts, span.open);
  const afterPrevious = previous !== undefined && previous.close > lineStart ? previous.close : 0;
  return Math.max(sentence, lineStart, afterPrevious);
}

/** Where the frame after a quote ends: the end of its sentence, before the next quote. */
function frameEndOf(text: string, span: QuoteSpan, next: QuoteSpan | undefined): number {
  const lineEnd = lineEndAfter(text, span.close);
  const sentenceEnd = /[.!?]/u.exec(text.slice(span.close, lineEnd));
  const end = sentenceEnd === null ? lineEnd : span.close + sentenceEnd.index + 1;
  return next !== undefined && next.open < end ? next.open : end;
}

/** A paragraph that is only a quote, after one ending with a colon: the frame is that paragraph's last sentence. */
function colonLeadFrame(
  text: string,
  span: QuoteSpan,
  starts: number[],
): { start: number; end: number } | null {
  const lineStart = lineStartBefore(text, span.open);
  if (text.slice(lineStart, span.open).trim() !== '' || lineStart === 0) return null;
  const previousEnd = text.slice(0, lineStart).trimEnd().length;
  if (text[previousEnd - 1] !== ':') return null;
  const start = sentenceStartAt(starts, previousEnd - 2);
  return { start, end: previousEnd };
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

function attribute(
  context: FrameContext,
  span: QuoteSpan,
  spans: QuoteSpan[],
  index: number,
  starts: number[],
): SpeakerFound | 'verb only' | null {
  const { text } = context;
  const after = speakerAfter(context, span.close, frameEndOf(text, span, spans[index + 1]));
  if (after !== null) return after;
  const before = speakerBefore(context, frameStartOf(text, span, spans[index - 1], starts), span.open);
  if (before !== null) return before;
  const lead = colonLeadFrame(text, span, starts);
  return lead === null ? null : speakerBefore(context, lead.start, lead.end);
}

/** The quotations of one article with their speakers' mentions (`speakerId` is filled in by the story). */
export function findQuotes(
  articleId: string,
  text: string,
  mentions: Mention[],
): { quote: Quote; speaker: Mention | null }[] {
  const spans = findQuoteSpans(text);
  const insideQuote = (mention: Mention) =>
    spans.some((span) => mention.start >= span.open && mention.end <= span.close);
  const context: FrameContext = {
    text,
    speakers: mentions.filter((mention) => mention.kind !== 'place' && !insideQuote(mention)),
    sentenceStarts: sentenceStarts(text),
  };
  const found: { quote: Quote; speaker: Mention | null; span: QuoteSpan; speakerText: string | null }[] = [];
  spans.forEach((span, index) => {
    const words = quotedText(text, span);
    let result = attribute(context, span, spans, index, context.sentenceStarts);
    const previous = found[found.length - 1];
    if (result === null && previous !== undefined && wordCount(words) >= 4) {
      const sameParagraph = lineStartBefore(text, previous.span.close) === lineStartBefore(text, span.open);
      if (sameParagraph) result = { text: previous.speakerText ?? '', mention: previous.speaker };
    }
    if (result === 'verb only' && previous !== undefined) {
      // "X called it “…” and confirmed that “…”": one sentence, one subject.
      const sentence = sentenceStartAt(context.sentenceStarts, span.open);
      const between = text.slice(previous.span.close, span.open);
      if (previous.span.close > sentence && sameSubjectClause.test(between))
        result = { text: previous.speakerText ?? '', mention: previous.speaker };
    }
    if (result === null) return;
    const speaker = result === 'verb only' ? null : result.mention;
    const speakerText = result === 'verb only' ? null : result.text || null;
    const first = span.parts[0]!;
    const last = span.parts[span.parts.length - 1]!;
    found.push({
      quote: { articleId, text: words, start: first.start, end: last.end, speakerText, speakerId: null },
      speaker,
      span,
      speakerText,
    });
  });
  return found.map(({ quote, speaker }) => ({ quote, speaker }));
}
