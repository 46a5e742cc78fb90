/**
 * `npx tsx bench/compare-ner.ts`: the measurement behind the choice of NLP
 * library for the story desk. On the five seeds' cleaned text, each
 * library's named entities are compared with the expected entities of
 * tests/fixtures/story/seeds-expected.json: the share of expected alias
 * occurrences (people, organisations, places) a library's spans cover, the
 * share of its spans that are expected names, and its speed per 1,000 words.
 */
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { cleanArticle } from '../src/main/cleaning/clean-article';
import { seedNamesForBench } from './story-scoring';

const fixture = JSON.parse(readFileSync('tests/fixtures/story/seeds-expected.json', 'utf8')) as {
  entities: { aliases: string[] }[];
};
const texts = seedNamesForBench.map((name) => cleanArticle(readFileSync(`seeds/${name}.txt`, 'utf8')).text);
const words = texts.join(' ').split(/\s+/).length;
const aliases = fixture.entities.flatMap((entity) => entity.aliases).sort((a, b) => b.length - a.length);

type Span = { start: number; end: number };

/** Occurrences of expected aliases in a text (longest first, no overlaps). */
function expectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const alias of aliases) {
    for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + 1)) {
      const end = at + alias.length;
      const bounded = !/[\p{L}]/u.test(text[at - 1] ?? '') && !/[\p{L}]/u.test(text[end] ?? '');
      if (bounded && !spans.some((span) => at < span.end && span.start < end)) spans.push({ start: at, end });
    }
  }
  return spans;
}

function score(name: string, find: (text: string) => Span[]): void {
  let expected = 0;
  let covered = 0;
  let found = 0;
  let right = 0;
  const started = performance.now();
  const spansPerText = texts.map(find);
  const elapsed = performance.now() - started;
  texts.forEach((text, index) => {
    const gold = expectedSpans(text);
    const spans = spansPerText[index]!;
    expected += gold.length;
    covered += gold.filter((g) => spans.some((s) => s.start <= g.start && g.end <= s.end)).length;
    found += spans.length;
    right += spans.filter((s) => gold.some((g) => s.start <= g.start && g.end <= s.end)).length;
  });
  console.log(
    `${name.padEnd(28)} recall ${(covered / expected).toFixed(3)}  precision ${(found === 0 ? 0 : right / found).toFixed(3)}  ${((elapsed / words) * 1000).toFixed(1)} ms per 1,000 words`,
  );
}

score('compromise', (text) => {
  const doc = nlp(text);
  return [doc.people(), doc.organizations(), doc.places()].flatMap((view) =>
    (view.json({ offset: true }) as { offset: { start: number; length: number } }[]).map(({ offset }) => ({
      start: offset.start,
      end: offset.start + offset.length,
    })),
  );
});

const wink = winkNLP(model);
score('wink-nlp (eng-lite-web-model)', (text) => {
  const doc = wink.readDoc(text);
  const spans: Span[] = [];
  const entities = doc.entities().out(wink.its.detail) as unknown as { value: string; type: string }[];
  for (const { value, type } of entities) {
    if (!/PERSON|ORG|GPE|LOC|NORP/.test(type)) continue;
    const at = text.indexOf(value);
    if (at >= 0) spans.push({ start: at, end: at + value.length });
  }
  return spans;
});
