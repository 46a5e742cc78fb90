/**
 * Who said what: every reporting form the issue lists, on hand-made
 * sentences; marks of every kind, quotes in quotes, unbalanced marks; speakers
 * resolved to merged entities; one quote from several outlets shown once.
 */
import { describe, expect, it } from 'vitest';
import { findQuoteSpans, quotedText } from '../../src/main/story/quote-spans';
import { storyOf } from './story-helpers';

const spansOf = (text: string) => findQuoteSpans(text).map((span) => quotedText(text, span));

/** [quote words, speaker label] of a one-article story. */
function whoSaid(text: string): [string, string | null][] {
  const analysis = storyOf([text]);
  const label = (id: string | null) => analysis.entities.find((entity) => entity.id === id)?.label ?? null;
  return analysis.quotes.flatMap((group) =>
    group.reports.map((quote): [string, string | null] => [quote.text, label(quote.speakerId)]),
  );
}

describe('quotation marks', () => {
  it('pairs curly, straight, guillemet and low-high marks', () => {
    expect(spansOf('A “curly one”, a "straight one", a « guillemet » and a „low one“.')).toEqual([
      'curly one',
      'straight one',
      'guillemet',
      'low one',
    ]);
  });

  it('keeps quotes inside quotes as part of the outer quote', () => {
    expect(spansOf('She said: “He told me ‘never’ and then “wait” twice.” Done.')).toEqual([
      'He told me ‘never’ and then “wait” twice.',
    ]);
  });

  it('drops an opening mark that is never closed, keeping the rest of the text usable', () => {
    expect(spansOf('An “unbalanced mark here.\nThen a “real quote” follows.')).toEqual(['real quote']);
    expect(spansOf('No quotes at all in this text.')).toEqual([]);
    expect(spansOf('A "stray mark.\n')).toEqual([]);
  });

  it('joins a quote that runs over several paragraphs', () => {
    const text = 'She said: “The first part goes on\n\n“and the second part ends here.”\n\nAfter.';
    expect(spansOf(text)).toEqual(['The first part goes on and the second part ends here.']);
  });
});

describe('speakers', () => {
  it('reads “…,” X said', () => {
    expect(whoSaid('“We will rebuild the bridge by spring,” Angela Rayner said on Monday.')).toEqual([
      ['We will rebuild the bridge by spring,', 'Angela Rayner'],
    ]);
  });

  it('reads “…,” said X', () => {
    expect(whoSaid('“The talks were useful,” said Olaf Scholz, the German chancellor.')).toEqual([
      ['The talks were useful,', 'Olaf Scholz'],
    ]);
  });

  it('reads X said: “…”', () => {
    expect(whoSaid('Pedro Sánchez said: “Spain will not send troops.”')).toEqual([
      ['Spain will not send troops.', 'Pedro Sánchez'],
    ]);
  });

  it('reads X told Y that “…”', () => {
    expect(whoSaid('Jacinda Ardern told reporters that “the border stays closed for now.”')).toEqual([
      ['the border stays closed for now.', 'Jacinda Ardern'],
    ]);
  });

  it('resolves he and she to the person last named as a subject, and follows a quote’s second half', () => {
    const text =
      'Antonio Guterres visited the camp on Friday. “People need water,” he said. “They need it today.”';
    expect(whoSaid(text)).toEqual([
      ['People need water,', 'Antonio Guterres'],
      ['They need it today.', 'Antonio Guterres'],
    ]);
  });

  it('resolves a surname speaker to the merged entity of the full name', () => {
    const text = 'Chancellor Friedrich Merz arrived in Kyiv. “Germany stands with Ukraine,” Merz said.';
    expect(whoSaid(text)).toEqual([['Germany stands with Ukraine,', 'Friedrich Merz']]);
  });

  it('leaves out scare quotes and quoted names that no one is reported saying', () => {
    expect(whoSaid('The so-called “coalition of the willing” met in Paris to plan the next steps.')).toEqual(
      [],
    );
  });

  it('takes a paragraph that is only a quote from the sentence ending with a colon before it', () => {
    const text = 'Kaja Kallas put it plainly, stating:\n\n“Europe has to pay for its own defence now.”';
    expect(whoSaid(text)).toEqual([['Europe has to pay for its own defence now.', 'Kaja Kallas']]);
  });
});

describe('across outlets', () => {
  it('shows a quote reported by several outlets once, with every source', () => {
    const analysis = storyOf([
      '“We are ready to talk,” Recep Tayyip Erdogan said in Ankara.',
      'Recep Tayyip Erdogan said: "We are ready to talk." Officials gave no date.',
      'Nothing was said about talks in this report, which covers the weather in Ankara.',
    ]);
    expect(analysis.quotes).toHaveLength(1);
    expect(analysis.quotes[0]!.reports.map((quote) => quote.articleId)).toEqual(['a0', 'a1']);
    expect(analysis.coverage.quotes[0]!.reported).toEqual([true, true, false]);
  });
});
