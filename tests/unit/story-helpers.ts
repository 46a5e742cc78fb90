/** Helpers for the story desk's unit tests: the seeds as cleaned story articles, and a whole-story run. */
import { readFileSync } from 'node:fs';
import { cleanArticle } from '../../src/main/cleaning/clean-article';
import { analyzeStory, extractArticle } from '../../src/main/story/analyze-story';
import type { EntityChoices } from '../../src/main/story/merge-entities';
import type { StoryArticle } from '../../src/main/story/story-types';

export const seedNames = [
  '000_8df5f48e4ac51fc5',
  '001_65831639b4f4e14b',
  '002_fcb9d55784e1e080',
  '003_ffeabc11d1486852',
  '004_8078960195baae82',
];

export function seedArticles(): StoryArticle[] {
  return seedNames.map((name) => {
    const cleaned = cleanArticle(readFileSync(`seeds/${name}.txt`, 'utf8'));
    return { id: name, source: name, title: cleaned.title, text: cleaned.text };
  });
}

/** Hand-written texts as a story (id a0, a1, …). */
export function storyOf(texts: string[], choices?: EntityChoices) {
  const articles = texts.map((text, index) => ({
    id: `a${index}`,
    source: `Outlet ${index}`,
    title: `T${index}`,
    text,
  }));
  return analyzeStory(articles, articles.map(extractArticle), choices);
}
