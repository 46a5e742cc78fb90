/**
 * Golden tests on the five seeds, one kind of noise each: titles found or
 * derived, every boilerplate line removed and nothing else, the headings and
 * lists of the long seed, the comment split, the quality flags.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/main/cleaning/clean-article';
import type { Block } from '../../src/shared/cleaned-article';

const seed = (name: string) => cleanArticle(readFileSync(`seeds/${name}`, 'utf8'));
const seeds = {
  practicalTalks: seed('000_8df5f48e4ac51fc5.txt'),
  securityTalks: seed('001_65831639b4f4e14b.txt'),
  pledges: seed('002_fcb9d55784e1e080.txt'),
  everything: seed('003_ffeabc11d1486852.txt'),
  optics: seed('004_8078960195baae82.txt'),
};
const textOf = (block: Block) =>
  'text' in block
    ? block.text
    : block.kind === 'list'
      ? block.items.map((i) => i.text).join(' | ')
      : block.marker;
const kinds = (blocks: Block[], kind: Block['kind']) => blocks.filter((block) => block.kind === kind);

describe('titles', () => {
  it('takes the headline from the first line of the three seeds that have one', () => {
    expect(seeds.practicalTalks).toMatchObject({
      title: 'Ukraine Seeks Practical Talks With Trump on Security Support',
      titleDerived: false,
      titleLine: 1,
    });
    expect(seeds.securityTalks).toMatchObject({
      title: 'Ukraine Security Talks with Trump: Can the U.S. Guarantee Kyiv’s Defense Against Russia',
      titleDerived: false,
    });
    expect(seeds.pledges).toMatchObject({
      title: 'Trump Pledges U.S. Support for Ukraine’s Security in Prospective Peace Deal',
      titleDerived: false,
    });
  });

  it('derives and marks a title for the two seeds that start with body text, keeping the lede in the body', () => {
    for (const article of [seeds.everything, seeds.optics]) {
      expect(article.titleDerived).toBe(true);
      expect(article.titleLine).toBeNull();
      expect(article.title.length).toBeLessThanOrEqual(81);
      expect(article.blocks[0]!.kind).toBe('paragraph');
    }
    expect(seeds.everything.title).toBe(
      'Ukrainian President Volodymyr Zelenskyy made it clear this week that when it…',
    );
    expect(textOf(seeds.everything.blocks[0]!)).toMatch(
      /^Ukrainian President Volodymyr Zelenskyy made it clear/,
    );
    expect(textOf(seeds.optics.blocks[0]!)).toMatch(/^President Donald Trump’s latest meeting/);
  });

  it('keeps the dek under the headline as such', () => {
    expect(seeds.securityTalks.dek).toEqual({
      text: 'Closest Security Talks: Ukraine and Trump: Can Washington provide Ukraine with a permanent promise?',
      line: 2,
    });
    for (const article of [seeds.practicalTalks, seeds.pledges, seeds.everything, seeds.optics])
      expect(article.dek).toBeNull();
  });
});

describe('boilerplate', () => {
  it('removes exactly the site chrome of each seed, with kinds and line numbers', () => {
    const removed = (article: typeof seeds.optics) =>
      article.removed.map(({ line, kind, text }) => `${line} ${kind} ${text}`);
    expect(removed(seeds.practicalTalks)).toEqual([
      '3 summary-prompt No time to read?',
      '4 summary-prompt Get a summary',
      '18 summary-prompt No time to read?',
      '19 summary-prompt Get a summary',
      '20 article-navigation Previous Article',
      '22 article-navigation Mick Wallace’s NATO Debate and European Security Discussion',
      '24 article-navigation Next Article',
      '26 article-navigation Iraqi Islamic Resistance Claims Attack on US Base at Al-Tanf in Syria',
    ]);
    expect(removed(seeds.securityTalks)).toEqual(['50 comment-counter 0 Comments']);
    expect(removed(seeds.pledges)).toEqual([
      '41 thread-links Related Threads',
      '43 thread-links Recent Threads',
      '45 copy-protection error: Content is protected!!',
    ]);
    expect(removed(seeds.everything)).toEqual(['8 form-notice "*" indicates required fields']);
    expect(removed(seeds.optics)).toEqual([
      '9 comment-counter 2 Comments',
      '11 comment-chrome ReplyDelete',
      '12 comment-chrome ReplyDelete',
    ]);
  });

  it('leaves every body line of the practical-talks seed in the body', () => {
    const body = seeds.practicalTalks.blocks.map(textOf);
    expect(body).toHaveLength(6);
    expect(body[0]).toMatch(/^Ukraine’s foreign policy leadership/);
    expect(body[5]).toMatch(/^Previously, headlines in the United States/);
  });
});

describe('structure of the long seed', () => {
  const { blocks } = seeds.securityTalks;

  it('finds its seven section headings', () => {
    expect(kinds(blocks, 'heading').map(textOf)).toEqual([
      'War Fatigue Confronts the Diplomatic Urgency',
      'The Trump position: Powerful language, Limitations Reserved',
      'Zelenskyy Push: After Sovereignty there is No Compromise',
      'The Role of Europe: Starmer and His Faction Want a Unity',
      'Strategic Implications: Global security, NATO, and Russia',
      'Directions to Go: Crossing the Gap',
      'World reactions: Guarded Hope, Remaining Skepticism',
    ]);
  });

  it('finds its four section breaks', () => {
    expect(kinds(blocks, 'break')).toHaveLength(4);
  });

  it('finds its lists: three introduced by a colon, one numbered', () => {
    const lists = blocks.filter((block): block is Extract<Block, { kind: 'list' }> => block.kind === 'list');
    expect(lists.map((list) => [list.ordered, list.items.length])).toEqual([
      [false, 3],
      [false, 3],
      [true, 3],
      [false, 3],
    ]);
    expect(lists[0]!.items.map((item) => item.text.split(':')[0])).toEqual([
      'Article-5-style commitments',
      'Conditional backing',
      'Negotiation channel to Russia',
    ]);
    expect(lists[1]!.items[0]!.text).toBe(
      'Mutual defense promises between the U.S., U.K., France, Germany and Poland.',
    );
    expect(lists[2]!.items.map((item) => item.marker)).toEqual(['1.', '2.', '3.']);
    expect(lists[3]!.items[2]!.text).toMatch(/^European load sharing/);
    const listIntros = blocks.filter((block, index) => blocks[index + 1]?.kind === 'list').map(textOf);
    expect(listIntros.filter((text) => text.endsWith(':'))).toEqual([
      'Important highlights of the Trump-Ukraine security discussions are as follows:',
      'The proposal of Starmer contained:',
      'Despite some amplification of progress in Washington several hurdles yet to be jumped till it comes to the signing a final security agreement:',
    ]);
  });

  it('keeps the paragraph after each list a paragraph', () => {
    const after = blocks
      .filter((_block, index) => blocks[index - 1]?.kind === 'list')
      .map((block) => block.kind);
    expect(after).toEqual(['break', 'paragraph', 'heading', 'paragraph']);
  });
});

describe('captions and pull quotes', () => {
  it('finds the image caption and the pull quote of the summit seed, nothing else', () => {
    expect(kinds(seeds.pledges.blocks, 'caption').map(textOf)).toEqual([
      'President Donald Trump-White House-President Volodymyr Zelenskiy',
    ]);
    expect(kinds(seeds.pledges.blocks, 'quote').map(textOf)).toEqual([
      '“When we speak about security guarantees, we speak about the whole security of the European continent.”',
    ]);
    for (const article of [seeds.practicalTalks, seeds.everything, seeds.optics]) {
      expect(article.blocks.every((block) => block.kind === 'paragraph')).toBe(true);
    }
  });
});

describe('reader comments', () => {
  it('splits the comments off the optics seed, out of the body and its text', () => {
    expect(seeds.optics.comments.map(({ line, text }) => [line, text.slice(0, 33)])).toEqual([
      [10, 'I agree with the European leaders'],
      [11, 'There has to be 100% unity on all'],
    ]);
    expect(seeds.optics.text).not.toContain('I agree with the European leaders');
    expect(seeds.optics.text).not.toContain('ReplyDelete');
    expect(seeds.optics.blocks).toHaveLength(8);
  });

  it('has no comments in the other seeds', () => {
    for (const article of [seeds.practicalTalks, seeds.securityTalks, seeds.pledges, seeds.everything])
      expect(article.comments).toEqual([]);
  });
});

describe('quality flags', () => {
  it('flags the damaged passages of the long seed where they stand', () => {
    const { flags, text } = seeds.securityTalks;
    expect(flags.map(({ kind, excerpt }) => [kind, excerpt])).toEqual([
      ['garbled', 'easternម qued faper ter'],
      ['mis-encoding', 'Ukraine?s'],
      ['out-of-place', 'online shopping'],
      ['garbled', 'stKEs'],
    ]);
    const codePoints = [...text];
    for (const flag of flags) expect(codePoints.slice(flag.start, flag.end).join('')).toBe(flag.excerpt);
  });

  it('raises no flag on the four other seeds', () => {
    for (const article of [seeds.practicalTalks, seeds.pledges, seeds.everything, seeds.optics])
      expect(article.flags).toEqual([]);
  });
});
