/**
 * Shared against single-source sentences, the coverage matrix, and story
 * suggestions (the seeds suggested as one story; unrelated text kept apart).
 */
import { describe, expect, it } from 'vitest';
import { findSharedSentences } from '../../src/main/story/shared-sentences';
import { StoryIndex } from '../../src/main/story/story-index';
import { seedArticles, storyOf } from './story-helpers';

const wire =
  'The ministers agreed on Tuesday to extend the grain corridor through the Black Sea for another year.';

describe('shared sentences', () => {
  it('finds a wire sentence re-used with small edits, and sentences only one outlet has', () => {
    const articles = [
      { id: 'a', source: 'A', title: 'A', text: `${wire} Farmers welcomed the news in Odesa.` },
      {
        id: 'b',
        source: 'B',
        title: 'B',
        text: 'The ministers agreed on Tuesday to extend the grain corridor through the Black Sea for one more year. Wheat prices fell sharply in Chicago on the news.',
      },
      {
        id: 'c',
        source: 'C',
        title: 'C',
        text: 'A completely different report about football results in Madrid and Milan.',
      },
    ];
    const { shared, singleSource } = findSharedSentences(articles);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.versions.map((sentence) => sentence.articleId)).toEqual(['a', 'b']);
    expect(singleSource.map((sentence) => sentence.articleId).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('coverage matrix', () => {
  it('counts each entity’s mentions per source, in the articles’ order', () => {
    const analysis = storyOf([
      'Keir Starmer met Emmanuel Macron in Paris. Starmer said little afterwards.',
      'Emmanuel Macron spoke alone in Paris on Wednesday.',
    ]);
    const row = (alias: string) => {
      const entity = analysis.entities.find((candidate) => candidate.aliases.includes(alias))!;
      return analysis.coverage.entities.find((candidate) => candidate.entityId === entity.id)!.counts;
    };
    expect(row('Keir Starmer')).toEqual([2, 0]);
    expect(row('Emmanuel Macron')).toEqual([1, 1]);
    expect(analysis.coverage.articleIds).toEqual(['a0', 'a1']);
  });
});

describe('story suggestions', () => {
  const unrelated = [
    'The city council approved a new budget for public libraries, adding reading rooms and longer opening hours in three districts.',
    'Heavy rain flooded the valley overnight; farmers moved cattle to higher ground while engineers inspected the old dam.',
    'The orchestra opened its season with Mahler, and the young conductor drew a standing ovation from a full hall.',
  ];

  it('suggests the five seeds as one story, apart from unrelated articles', () => {
    const index = new StoryIndex();
    unrelated.forEach((text, number) => index.add(`other-${number}`, text, `other-story-${number}`));
    const seeds = seedArticles();
    const first = index.suggest(seeds[0]!.text);
    expect(first.kind).toBe('new');
    index.add(seeds[0]!.id, seeds[0]!.text, 'seeds');
    for (const seed of seeds.slice(1)) {
      expect(index.suggest(seed.text)).toMatchObject({ kind: 'story', storyId: 'seeds' });
      index.add(seed.id, seed.text, 'seeds');
    }
    expect(index.suggest(unrelated[0]!, 'other-0')).toMatchObject({ kind: 'new', articleIds: [] });
  });

  it('offers a new story together with the unfiled articles that match', () => {
    const index = new StoryIndex();
    const [first, second] = seedArticles();
    index.add(first!.id, first!.text, null);
    index.add('lonely', unrelated[1]!, null);
    expect(index.suggest(second!.text)).toMatchObject({ kind: 'new', articleIds: [first!.id] });
  });
});
