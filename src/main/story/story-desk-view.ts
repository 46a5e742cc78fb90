/**
 * Turns a story's analysis into what the renderer shows: offsets in code
 * points (as highlights count them), each mention with a line of context, and
 * languages without extraction marked with the reason.
 */
import type { StoryDeskView } from '../../shared/story-desk-contract';
import type { StoryAnalysis } from './analyze-story';
import type { EntityChoices } from './merge-entities';

/** UTF-16 index → code-point index, for one text. */
export function codePointOffsets(text: string): (index: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (index) => index;
  const before = new Uint32Array(text.length + 1);
  let points = 0;
  for (let index = 0; index < text.length; index += 1) {
    before[index] = points;
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      index += 1;
      before[index] = points;
    }
    points += 1;
  }
  before[text.length] = points;
  return (index) => before[index]!;
}

const contextChars = 70;

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - contextChars);
  const to = Math.min(text.length, end + contextChars);
  const line = text.slice(from, to).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${line}${to < text.length ? '…' : ''}`;
}

export function storyDeskView(
  storyId: string,
  analysis: StoryAnalysis,
  texts: Map<string, string>,
  choices: EntityChoices,
): StoryDeskView {
  const offsets = new Map([...texts].map(([id, text]) => [id, codePointOffsets(text)]));
  const at = (articleId: string, index: number) => offsets.get(articleId)!(index);
  const labelOf = new Map(analysis.entities.map((entity) => [entity.id, entity.label]));
  return {
    storyId,
    articles: analysis.articles.map(({ id, source, title, language }) => ({
      id,
      source,
      title,
      unavailable: language.reason,
    })),
    entities: analysis.entities.map((entity) => ({
      id: entity.id,
      label: entity.label,
      kind: entity.kind,
      aliases: entity.aliases,
      mentions: entity.mentions.map((mention) => ({
        articleId: mention.articleId,
        start: at(mention.articleId, mention.start),
        end: at(mention.articleId, mention.end),
        text: mention.text,
        context: contextOf(texts.get(mention.articleId)!, mention.start, mention.end),
      })),
    })),
    quotes: analysis.quotes.map((group) => ({
      id: group.id,
      text: group.text,
      speakerId: group.speakerId,
      speaker:
        group.speakerId === null ? group.speakerText : (labelOf.get(group.speakerId) ?? group.speakerText),
      reports: group.reports.map((quote) => ({
        articleId: quote.articleId,
        start: at(quote.articleId, quote.start),
        end: at(quote.articleId, quote.end),
      })),
    })),
    shared: analysis.shared.map((group) => ({
      versions: group.versions.map((sentence) => ({
        articleId: sentence.articleId,
        start: at(sentence.articleId, sentence.start),
        end: at(sentence.articleId, sentence.end),
        text: sentence.text,
      })),
    })),
    coverage: analysis.coverage,
    choices,
  };
}
