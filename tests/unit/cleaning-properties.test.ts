/**
 * Properties of cleaning, on the seeds and on generated documents mixing seed
 * lines, boilerplate, lists, breaks, comment tails, Markdown markers, odd
 * spacing, line ends and random Unicode:
 * - no content lost: every non-whitespace character of the (normalised) raw
 *   text ends up in the title, dek, blocks, comments or removed lines;
 * - idempotence: cleaning the plain text of a cleaned article gives it again;
 * - offsets: every block, item and flag points at its own text in the body text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/main/cleaning/clean-article';
import { normalizeLines } from '../../src/main/cleaning/normalize-text';
import { toPlainText } from '../../src/main/cleaning/plain-text';
import type { Block, CleanedArticle } from '../../src/shared/cleaned-article';

const seedTexts = readdirSync('seeds')
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(`seeds/${name}`, 'utf8'));
const seedLines = [...new Set(seedTexts.flatMap((text) => text.split('\n')))];

function sortedChars(text: string): string[] {
  return [...text.replace(/\s+/g, '')].sort();
}

function blockContent(block: Block): string {
  switch (block.kind) {
    case 'break':
      return block.marker;
    case 'list':
      return block.items.map((item) => `${item.marker ?? ''}${item.text}`).join('');
    case 'heading':
    case 'quote':
      return `${block.marker ?? ''}${block.text}`;
    default:
      return block.text;
  }
}

function structuredContent(article: CleanedArticle): string {
  return [
    article.titleDerived ? '' : article.title,
    article.dek?.text ?? '',
    ...article.blocks.map(blockContent),
    ...article.comments.map((comment) => comment.text),
    ...article.removed.map((line) => line.text),
  ].join('');
}

function checkNoContentLost(raw: string): void {
  const article = cleanArticle(raw);
  const normalised = normalizeLines(raw)
    .map((line) => line.text)
    .join('');
  expect(sortedChars(structuredContent(article))).toEqual(sortedChars(normalised));
}

/** The parts of an article that must survive a second cleaning (line numbers may differ). */
function shape(article: CleanedArticle) {
  return {
    title: article.title,
    titleDerived: article.titleDerived,
    dek: article.dek?.text ?? null,
    text: article.text,
    flags: article.flags,
    blocks: article.blocks.map((block) =>
      block.kind === 'list'
        ? {
            kind: block.kind,
            ordered: block.ordered,
            items: block.items.map(({ marker, text, start, end }) => ({ marker, text, start, end })),
          }
        : { ...block, lines: [] },
    ),
  };
}

function checkIdempotent(raw: string): void {
  const once = cleanArticle(raw);
  const twice = cleanArticle(toPlainText(once));
  expect(shape(twice)).toEqual(shape(once));
  expect(twice.removed).toEqual([]);
  expect(twice.comments).toEqual([]);
}

function checkOffsets(raw: string): void {
  const article = cleanArticle(raw);
  const codePoints = [...article.text];
  const at = (start: number, end: number) => codePoints.slice(start, end).join('');
  for (const block of article.blocks) {
    if (block.kind === 'list')
      for (const item of block.items) expect(at(item.start, item.end)).toBe(item.text);
    else if (block.kind !== 'break') expect(at(block.start, block.end)).toBe(block.text);
  }
  for (const flag of article.flags) expect(at(flag.start, flag.end)).toBe(flag.excerpt);
}

const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...seedLines) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'No time to read?',
      'Get a summary',
      'Previous Article',
      'Next Article',
      'Related Threads',
      'error: Content is protected!!',
      '"*" indicates required fields',
      '0 Comments',
      '3 Comments',
      'ReplyDelete',
      'ReplyDeleteA reader writes back.',
      'Share',
      '---',
      '* * *',
      '1. First numbered point of the list.',
      '2. Second numbered point.',
      '- a bullet item',
      '## A Markdown Heading',
      '> a quoted line',
      'The proposal contained:',
      'Photo: Reuters',
      '“A pull quote standing alone.”',
      '',
      '',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...seedLines),
        fc.constantFrom('\u00A0', '\u200B', '\u2009', '  ', '\uFEFF', 'e\u0301'),
      )
      .map(([text, odd]) => text.replace(' ', ` ${odd}`)),
  },
);
const separator = fc.constantFrom('\n', '\r\n', '\r', '\n\n');
const documents = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 30 }), separator, fc.boolean())
  .map(([lines, sep, bom]) => `${bom ? '\uFEFF' : ''}${lines.join(sep)}`);

describe('on the seeds', () => {
  it.each(seedTexts.map((text, index) => [index, text]))('seed %i loses no content', (_index, text) =>
    checkNoContentLost(text),
  );
  it.each(seedTexts.map((text, index) => [index, text]))('seed %i cleans idempotently', (_index, text) =>
    checkIdempotent(text),
  );
  it.each(seedTexts.map((text, index) => [index, text]))('seed %i has consistent offsets', (_index, text) =>
    checkOffsets(text),
  );
});

describe('on generated documents', () => {
  it('no content is lost', () => {
    fc.assert(
      fc.property(documents, (raw) => checkNoContentLost(raw)),
      { numRuns: 400 },
    );
  });

  it('cleaning a cleaned article changes nothing', () => {
    fc.assert(
      fc.property(documents, (raw) => checkIdempotent(raw)),
      {
        numRuns: 400,
        // Found by a CI run: ";" was taken for the dek (a dek needs words), and lost on the second cleaning.
        examples: [
          [
            'The proposal contained:\nUkraine Seeks Practical Talks With Trump on Security Support\nUkraine  Seeks Practical Talks With Trump on Security Support\n;\n\u{10000}',
          ],
        ],
      },
    );
  });

  it('offsets point at their text', () => {
    fc.assert(
      fc.property(documents, (raw) => checkOffsets(raw)),
      { numRuns: 400 },
    );
  });
});

describe('normalisation', () => {
  it('accepts UTF-8 with or without BOM and any line ends, alike', () => {
    const plain = cleanArticle('Headline Here\n\nFirst paragraph of text.\nSecond paragraph.');
    for (const variant of [
      '\uFEFFHeadline Here\n\nFirst paragraph of text.\nSecond paragraph.',
      'Headline Here\r\n\r\nFirst paragraph of text.\r\nSecond paragraph.',
      'Headline Here\r\rFirst paragraph of text.\rSecond paragraph.',
    ]) {
      expect(shape(cleanArticle(variant))).toEqual(shape(plain));
    }
  });

  it('turns non-breaking spaces into spaces, drops zero-width spaces, composes to NFC, and keeps curly quotes and dashes', () => {
    const article = cleanArticle(
      'Title Line\n“Ukraine’s\u00A0allies\u200B” — Zelenskyy’s cafe\u0301 – 10\u202F000.',
    );
    expect(article.blocks[0]).toMatchObject({ text: '“Ukraine’s allies” — Zelenskyy’s café – 10 000.' });
    expect(article.text.normalize('NFC')).toBe(article.text);
  });
});
