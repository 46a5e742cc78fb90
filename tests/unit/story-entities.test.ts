/**
 * Entities and alias merging: spelling variants, full and short names,
 * titles, possessives, acronyms; different people with one surname kept apart
 * unless the text says which is meant; the reader's merges, splits and renames;
 * mentions from the cleaned body only.
 */
import { describe, expect, it } from 'vitest';
import { bareName, spellingKey } from '../../src/main/story/name-forms';
import { analyzeStory, extractArticle } from '../../src/main/story/analyze-story';
import type { Entity } from '../../src/main/story/story-types';
import { seedArticles, storyOf } from './story-helpers';

const entityNamed = (entities: Entity[], alias: string) =>
  entities.filter((entity) => entity.aliases.includes(alias));

describe('name forms', () => {
  it('takes titles, nationalities and possessives off a person’s name', () => {
    expect(bareName('Ukrainian President Volodymyr Zelenskyy’s')).toBe('Volodymyr Zelenskyy');
    expect(bareName('NATO Secretary General Mark Rutte,')).toBe('Mark Rutte');
    expect(bareName('Admiral Sir Tony Radakin')).toBe('Tony Radakin');
    expect(bareName("Sen. Elizabeth Warren's")).toBe('Elizabeth Warren');
    expect(bareName('European Commission', false)).toBe('European Commission');
  });

  it('gives transliteration variants one spelling key, and different names different keys', () => {
    expect(new Set(['Zelenskyy', 'Zelenskiy', 'Zelensky', 'Zelenskij'].map(spellingKey)).size).toBe(1);
    expect(spellingKey('Kyiv')).toBe(spellingKey('Kiev'));
    expect(spellingKey('Dmitriev')).toBe(spellingKey('Dmitriyev'));
    expect(spellingKey('Putin')).not.toBe(spellingKey('Potin'));
    expect(spellingKey('Trump')).not.toBe(spellingKey('Truman'));
  });
});

describe('alias merging on the seeds', () => {
  const seeds = seedArticles();
  const analysis = analyzeStory(seeds, seeds.map(extractArticle));

  it('merges the three spellings of Zelenskyy with and without the first name', () => {
    const [zelenskyy, ...others] = entityNamed(analysis.entities, 'Zelensky');
    expect(others).toEqual([]);
    expect(zelenskyy!.aliases).toEqual(
      expect.arrayContaining([
        'Volodymyr Zelenskyy',
        'Volodymyr Zelenskiy',
        'Zelensky',
        'Zelenskiy',
        'Zelenskyy',
      ]),
    );
    expect(new Set(zelenskyy!.mentions.map((mention) => mention.articleId)).size).toBe(4);
  });

  it('merges Kyiv and Kiev, U.S. and United States, Donald Trump and Trump', () => {
    expect(entityNamed(analysis.entities, 'Kiev')[0]!.aliases).toContain('Kyiv');
    expect(entityNamed(analysis.entities, 'U.S.')[0]!.aliases).toContain('United States');
    const trump = entityNamed(analysis.entities, 'Trump');
    expect(trump).toHaveLength(1);
    expect(trump[0]!.label).toBe('Donald Trump');
    expect(trump[0]!.mentions.some((mention) => mention.text === 'Trump’s')).toBe(true);
  });

  it('finds no mention in the comments or the removed boilerplate', () => {
    // Seed 004's reader comment names "D T"; seed 000's removed links name Mick Wallace.
    expect(analysis.entities.some((entity) => entity.aliases.includes('Mick Wallace'))).toBe(false);
    for (const entity of analysis.entities) {
      for (const mention of entity.mentions) {
        const article = seeds.find((seed) => seed.id === mention.articleId)!;
        expect(article.text.slice(mention.start, mention.end)).toBe(mention.text);
      }
    }
  });
});

describe('alias merging on hand-made text', () => {
  it('keeps two people with one surname apart and gives the bare surname to the one last named', () => {
    const { entities } = storyOf([
      'Melania Trump visited the school on Monday. Trump told pupils that reading mattered.',
      'Donald Trump spoke in Ohio. Later, Trump said the economy was strong.',
    ]);
    const melania = entityNamed(entities, 'Melania Trump')[0]!;
    const donald = entityNamed(entities, 'Donald Trump')[0]!;
    expect(melania).not.toBe(donald);
    expect(melania.mentions.map((mention) => mention.articleId)).toEqual(['a0', 'a0']);
    expect(donald.mentions.map((mention) => mention.articleId)).toEqual(['a1', 'a1']);
  });

  it('merges a full name, a titled name and a possessive surname', () => {
    const { entities } = storyOf([
      'President Emmanuel Macron met farmers in Lyon on Tuesday.',
      "Macron's plan was criticised by unions in Paris.",
    ]);
    const macron = entityNamed(entities, 'Emmanuel Macron')[0]!;
    expect(macron.aliases).toEqual(['Emmanuel Macron', 'Macron']);
    expect(macron.mentions).toHaveLength(2);
  });

  it('applies the reader’s merge, split and rename', () => {
    const texts = [
      'Volodymyr Zelenskyy spoke in Kyiv. Zelenskyy said more was needed.',
      'The Ukrainian leader, Volodymyr Zelenskyy, met Keir Starmer in London.',
    ];
    const merged = storyOf(texts, {
      merges: [['Keir Starmer', 'Volodymyr Zelenskyy']],
      splits: [],
      renames: {},
    });
    expect(entityNamed(merged.entities, 'Keir Starmer')[0]!.aliases).toContain('Volodymyr Zelenskyy');
    const split = storyOf(texts, {
      merges: [],
      splits: ['Zelenskyy'],
      renames: { Zelenskyy: 'The surname' },
    });
    const alone = entityNamed(split.entities, 'Zelenskyy')[0]!;
    expect(alone.aliases).toEqual(['Zelenskyy']);
    expect(alone.label).toBe('The surname');
    expect(entityNamed(split.entities, 'Volodymyr Zelenskyy')[0]!.aliases).toEqual(['Volodymyr Zelenskyy']);
  });
});

describe('languages other than English', () => {
  it('marks names and quotes as not available instead of guessing', () => {
    const german =
      'Der Bundeskanzler Friedrich Merz sagte am Montag in Berlin: „Wir stehen an der Seite der Ukraine.“ Die Regierung und die Opposition sind sich in dieser Frage einig, auch wenn es Streit über die Kosten gibt.';
    const analysis = storyOf([german]);
    expect(analysis.articles[0]!.language.english).toBe(false);
    expect(analysis.articles[0]!.language.reason).toMatch(/not available for this language/);
    expect(analysis.entities).toEqual([]);
    expect(analysis.quotes).toEqual([]);
  });
});
