/**
 * `npm run eval:story [-- --json FILE]`: the story desk's extraction measured
 * against fixtures written by hand for the five seeds
 * (tests/fixtures/story/seeds-expected.json), and story grouping measured on
 * the Brown corpus categories plus the seeds. Prints, and writes as flat JSON:
 * - quote extraction precision/recall (exact words between the marks);
 * - quote attribution precision/recall (quote and speaker entity both right);
 * - alias merging precision/recall/F1 over pairs of mentions that stand for an
 *   expected entity (in or out of the same entity);
 * - entity recall (expected entities found at least once);
 * - story grouping precision/recall over pairs of documents (same story vs same
 *   category), each document suggested in turn against the stories so far;
 *   whether the seeds end up as one story.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cleanArticle } from '../src/main/cleaning/clean-article';
import { analyzeStory, extractArticle } from '../src/main/story/analyze-story';
import { StoryIndex } from '../src/main/story/story-index';
import type { StoryArticle } from '../src/main/story/story-types';
import { brownDocuments } from './brown-corpus';
import { goldEntityOf, pairScores, seedNamesForBench, type GoldEntity } from './story-scoring';
import { round } from './stats';

const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;

interface GoldQuote {
  seed: string;
  text: string;
  speaker: string | null;
}
const fixture = JSON.parse(readFileSync('tests/fixtures/story/seeds-expected.json', 'utf8')) as {
  entities: GoldEntity[];
  quotes: GoldQuote[];
};
const seedNames = seedNamesForBench;
const seeds: StoryArticle[] = seedNames.map((name) => {
  const cleaned = cleanArticle(readFileSync(`seeds/${name}.txt`, 'utf8'));
  return { id: name, source: name, title: cleaned.title, text: cleaned.text };
});

const analysis = analyzeStory(seeds, seeds.map(extractArticle));

// Alias merging: pairs of mentions that stand for an expected entity.
const predicted: string[] = [];
const gold: string[] = [];
const goldOfEntity = new Map<string, string | null>();
for (const entity of analysis.entities) {
  const votes = new Map<string, number>();
  for (const mention of entity.mentions) {
    const label = goldEntityOf(mention.text, fixture.entities);
    if (label === null) continue;
    predicted.push(entity.id);
    gold.push(label);
    votes.set(label, (votes.get(label) ?? 0) + 1);
  }
  goldOfEntity.set(entity.id, [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null);
}
const merging = pairScores(predicted, gold);
const foundEntities = new Set(gold);

// Quotes: exact words; attribution: words and speaker.
const systemQuotes = analysis.quotes.flatMap((group) => group.reports);
const quoteKey = (seed: string, text: string) => `${seed}\u0000${text.trim()}`;
const goldQuotes = new Map(fixture.quotes.map((quote) => [quoteKey(quote.seed, quote.text), quote]));
let extractedRight = 0;
let attributedRight = 0;
let attributedClaims = 0;
for (const quote of systemQuotes) {
  const expected = goldQuotes.get(quoteKey(quote.articleId, quote.text));
  const speaker = quote.speakerId === null ? null : (goldOfEntity.get(quote.speakerId) ?? null);
  if (expected !== undefined) extractedRight += 1;
  if (speaker !== null) attributedClaims += 1;
  if (expected !== undefined && speaker !== null && expected.speaker === speaker) attributedRight += 1;
}
const goldAttributed = fixture.quotes.filter((quote) => quote.speaker !== null).length;
const misses = fixture.quotes.filter(
  (quote) =>
    !systemQuotes.some((found) => quoteKey(found.articleId, found.text) === quoteKey(quote.seed, quote.text)),
);
const extras = systemQuotes.filter((quote) => !goldQuotes.has(quoteKey(quote.articleId, quote.text)));

// Story grouping: Brown files and the seeds, each suggested in turn.
const documents = [
  ...(await brownDocuments()),
  ...seeds.map((seed) => ({ id: seed.id, category: 'seeds', text: seed.text })),
];
const index = new StoryIndex();
const storyOf = new Map<string, string>();
let storyCount = 0;
for (const document of documents) {
  const suggestion = index.suggest(document.text);
  let story: string;
  if (suggestion.kind === 'story') story = suggestion.storyId;
  else {
    story = `story-${(storyCount += 1)}`;
    for (const id of suggestion.articleIds) {
      storyOf.set(id, story);
      index.setStory(id, story);
    }
  }
  // An article alone stays unfiled until another joins it (as in the app).
  const filed = suggestion.kind === 'story' || suggestion.articleIds.length > 0;
  storyOf.set(document.id, filed ? story : `alone-${document.id}`);
  index.add(document.id, document.text, filed ? story : null);
}
const grouping = pairScores(
  documents.map((document) => storyOf.get(document.id)!),
  documents.map((document) => document.category),
);
const seedStories = new Set(seeds.map((seed) => storyOf.get(seed.id)));
const seedsWithOthers = documents.filter(
  (document) => document.category !== 'seeds' && seedStories.has(storyOf.get(document.id)),
).length;

const report = {
  quote_extraction_precision: round(systemQuotes.length === 0 ? 1 : extractedRight / systemQuotes.length, 3),
  quote_extraction_recall: round(extractedRight / fixture.quotes.length, 3),
  quote_attribution_precision: round(attributedClaims === 0 ? 1 : attributedRight / attributedClaims, 3),
  quote_attribution_recall: round(attributedRight / goldAttributed, 3),
  alias_merge_precision: round(merging.precision, 3),
  alias_merge_recall: round(merging.recall, 3),
  alias_merge_f1: round(merging.f1, 3),
  entity_recall: round(foundEntities.size / fixture.entities.length, 3),
  story_grouping_precision: round(grouping.precision, 3),
  story_grouping_recall: round(grouping.recall, 3),
  story_grouping_documents: documents.length,
  seeds_in_one_story: seedStories.size === 1 && !seedStories.has(undefined) ? 1 : 0,
  seeds_story_foreign_documents: seedsWithOthers,
  quotes_expected: fixture.quotes.length,
  quotes_found: systemQuotes.length,
};

console.log('Story desk on the five seeds (fixtures: tests/fixtures/story/seeds-expected.json)');
for (const [key, value] of Object.entries(report)) console.log(`  ${key.padEnd(32)} ${value}`);
if (misses.length > 0)
  console.log(
    '  missed quotes:',
    misses.map((quote) => quote.text),
  );
if (extras.length > 0)
  console.log(
    '  extra quotes:',
    extras.map((quote) => quote.text),
  );
if (jsonFile) await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
