/**
 * A "Sources compared" section as two plain tables every exporter renders in
 * its own markup: the coverage matrix (a column per source, headed by its
 * outlet and its number `[n]` in the briefing's source list; a row per entity
 * with its mentions per source, then quotes reported, sentences another source
 * carries too and sentences only that source has) and who said what (speaker,
 * quote, the numbers of the sources reporting it). Cells hold text, and the
 * source numbers they cite, so each format writes its own citation marks.
 */
import { sourceLabel, type DocumentComparison } from '../briefing-document';

export interface ComparisonCell {
  text: string;
  /** Source numbers cited after the text, `[n]` each. */
  cite: number[];
}

export interface ComparisonTable {
  caption: string;
  head: ComparisonCell[];
  rows: ComparisonCell[][];
}

const cell = (text: string, cite: number[] = []): ComparisonCell => ({ text, cite });
const count = (value: number) => cell(value > 0 ? String(value) : '—');
const kinds = { person: 'person', organization: 'organisation', place: 'place' } as const;

export function comparisonTables(comparison: DocumentComparison): {
  intro: string;
  matrix: ComparisonTable;
  quotes: ComparisonTable;
} {
  const { sources } = comparison;
  const date = comparison.takenAt.slice(0, 10);
  const left = [
    comparison.omittedEntities > 0 && `${comparison.omittedEntities} less widely named entities`,
    comparison.omittedQuotes > 0 && `${comparison.omittedQuotes} more quotes`,
  ].filter(Boolean);
  const intro =
    `How ${sources.length} sources cover “${comparison.storyName}”, as compared on ${date}.` +
    (left.length ? ` Not shown: ${left.join(' and ')}.` : '');
  const quotesPerSource = sources.map((_, column) =>
    comparison.quotes.reduce((sum, quote) => sum + (quote.reported[column] ? 1 : 0), 0),
  );
  const matrix: ComparisonTable = {
    caption: 'Coverage: mentions per source',
    head: [cell('Named'), ...sources.map((source) => cell(sourceLabel(source), [source.number]))],
    rows: [
      ...comparison.entities.map((entity) => [
        cell(`${entity.label} (${kinds[entity.kind as keyof typeof kinds] ?? entity.kind})`),
        ...entity.counts.map(count),
      ]),
      [cell('Quotes reported'), ...quotesPerSource.map(count)],
      [cell('Sentences another source carries too'), ...comparison.sharedSentences.map(count)],
      [cell('Sentences in this source only'), ...comparison.singleSourceSentences.map(count)],
    ],
  };
  const quotes: ComparisonTable = {
    caption: 'Who said what',
    head: [cell('Speaker'), cell('Quote'), cell('Reported by')],
    rows: comparison.quotes.map((quote) => [
      cell(quote.speaker ?? 'Unattributed'),
      cell(`“${quote.text}”`),
      cell(
        '',
        sources.filter((_, column) => quote.reported[column]).map((source) => source.number),
      ),
    ]),
  };
  return { intro, matrix, quotes };
}
