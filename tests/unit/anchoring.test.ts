/**
 * Anchoring, table-driven: a highlight described on one text is re-anchored on
 * another (the same text, or the text after an edit) and must land on the right
 * words, or become an orphan rather than land on wrong ones.
 */
import { describe, expect, it } from 'vitest';
import { anchorHighlight } from '../../src/main/anchoring/anchor-highlight';
import { describeRange } from '../../src/main/anchoring/describe-range';
import { TextIndex } from '../../src/main/anchoring/text-index';

const base =
  'Ukraine’s foreign minister said on Monday that security guarantees must be binding. ' +
  'European leaders met in Washington to discuss the guarantees. ' +
  'The talks ended without a ceasefire, but officials said progress was real. ' +
  'Security guarantees must be binding, the minister repeated on Tuesday.';

/** Code-point range of the `nth` occurrence of `phrase` in `text`. */
function rangeOf(text: string, phrase: string, nth = 0): [number, number] {
  let at = -1;
  for (let n = 0; n <= nth; n += 1) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" not in text`);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...phrase].length];
}

function highlight(text: string, phrase: string, nth = 0) {
  const [start, end] = rangeOf(text, phrase, nth);
  const selectors = describeRange(new TextIndex(text), start, end);
  if (!selectors) throw new Error('nothing described');
  return selectors;
}

function reanchor(selectors: ReturnType<typeof highlight>, text: string) {
  const index = new TextIndex(text);
  const result = anchorHighlight(index, selectors.quote, selectors.position);
  return result.anchored
    ? {
        method: result.method,
        text: index.slice(result.position.start, result.position.end),
        start: result.position.start,
      }
    : null;
}

describe('describing a selection', () => {
  it('keeps the exact text with 32 code points of context each side, as code-point offsets', () => {
    const selectors = highlight(base, 'European leaders met');
    expect(selectors.quote.exact).toBe('European leaders met');
    expect([...selectors.quote.prefix]).toHaveLength(32);
    expect([...selectors.quote.suffix]).toHaveLength(32);
    expect(base.endsWith(selectors.quote.prefix, base.indexOf('European'))).toBe(true);
    expect(selectors.position).toEqual({
      type: 'TextPositionSelector',
      start: rangeOf(base, 'European leaders met')[0],
      end: rangeOf(base, 'European leaders met')[1],
    });
  });

  it('trims white space at the ends and refuses a selection of only white space', () => {
    const [start, end] = rangeOf(base, ' European leaders ');
    expect(describeRange(new TextIndex(base), start, end)!.quote.exact).toBe('European leaders');
    const [space] = rangeOf(base, '  '.slice(1));
    expect(describeRange(new TextIndex(base), space, space + 1)).toBeNull();
    expect(describeRange(new TextIndex('a \n\t b'), 1, 5)).toBeNull();
  });

  it('counts code points, not UTF-16 units, and never splits a grapheme', () => {
    const text = 'Flags 🇺🇦 and 👍🏽 and cafe\u0301 with a combining accent, end.';
    const index = new TextIndex(text);
    const thumb = [...text].indexOf('👍');
    const selectors = describeRange(index, thumb, thumb + 1)!;
    expect(selectors.quote.exact).toBe('👍🏽');
    expect(selectors.position.end - selectors.position.start).toBe(2);
    const flagStart = [...text].indexOf('🇺');
    expect(describeRange(index, flagStart + 1, flagStart + 2)!.quote.exact).toBe('🇺🇦');
    const accent = [...text].indexOf('\u0301');
    expect(describeRange(index, accent - 1, accent)!.quote.exact).toBe('e\u0301');
  });
});

describe('re-anchoring', () => {
  const cases: [string, string, number, (text: string) => string, string | null, string | null][] = [
    ['the unchanged text', 'ended without a ceasefire', 0, (t) => t, 'ended without a ceasefire', 'position'],
    [
      'words inserted before the quote',
      'ended without a ceasefire',
      0,
      (t) => `Breaking news from the capital. ${t}`,
      'ended without a ceasefire',
      'quote',
    ],
    [
      'words deleted before the quote',
      'ended without a ceasefire',
      0,
      (t) => t.replace('European leaders met in Washington to discuss the guarantees. ', ''),
      'ended without a ceasefire',
      'quote',
    ],
    [
      'an edit next to the quote',
      'ended without a ceasefire',
      0,
      (t) => t.replace('The talks ended', 'The long talks ended'),
      'ended without a ceasefire',
      'quote',
    ],
    [
      'a one-letter edit inside the quote',
      'officials said progress was real',
      0,
      (t) => t.replace('progress was real', 'progres was real'),
      'officials said progres was real',
      'fuzzy',
    ],
    [
      'a word changed inside a long quote',
      'European leaders met in Washington to discuss the guarantees',
      0,
      (t) => t.replace('met in Washington', 'gathered in Washington'),
      'European leaders gathered in Washington to discuss the guarantees',
      'fuzzy',
    ],
    [
      'the second of a repeated phrase, shifted',
      'ecurity guarantees must be binding',
      1,
      (t) => `Update: ${t}`,
      null,
      'quote',
    ],
    [
      'a quote rewritten beyond recognition',
      'ended without a ceasefire',
      0,
      (t) => t.replace('ended without a ceasefire', 'produced a signed accord'),
      null,
      null,
    ],
    [
      'a quote whose text was removed',
      'officials said progress was real',
      0,
      (t) => t.replace(', but officials said progress was real', ''),
      null,
      null,
    ],
  ];

  it.each(cases)('%s', (_label, phrase, nth, edit, expectedText, expectedMethod) => {
    const selectors = highlight(base, phrase, nth);
    const edited = edit(base);
    const result = reanchor(selectors, edited);
    if (expectedMethod === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result?.method).toBe(expectedMethod);
    expect(result?.text).toBe(expectedText ?? phrase);
    if (nth > 0) expect(result?.start).toBe(rangeOf(edited, phrase, nth)[0]);
  });

  it('keeps each of two identical phrases on its own occurrence after the text shifts', () => {
    const text = 'Intro. The guarantee holds. Middle part of the text here. The guarantee holds. End.';
    const first = highlight(text, 'The guarantee holds', 0);
    const second = highlight(text, 'The guarantee holds', 1);
    const shifted = `A new first sentence. ${text}`;
    expect(reanchor(first, shifted)?.start).toBe(rangeOf(shifted, 'The guarantee holds', 0)[0]);
    expect(reanchor(second, shifted)?.start).toBe(rangeOf(shifted, 'The guarantee holds', 1)[0]);
  });

  it('anchors by code points around emoji and combining marks after an edit before them', () => {
    const text = 'Before 👍🏽 the café sign said “open” — after.';
    const selectors = highlight(text, 'café sign');
    const edited = `🇺🇦🇺🇦 ${text}`;
    const index = new TextIndex(edited);
    const result = anchorHighlight(index, selectors.quote, selectors.position);
    expect(result.anchored && index.slice(result.position.start, result.position.end)).toBe('café sign');
    expect(result.anchored && result.position.start).toBe(
      [...edited].indexOf('c', [...edited].indexOf('e', 12)),
    );
  });

  it('orphans a short quote in an unrelated text instead of matching it loosely', () => {
    const selectors = highlight(base, 'binding');
    expect(reanchor(selectors, 'Weather: sunny with light winds across the region all week.')).toBeNull();
  });
});
