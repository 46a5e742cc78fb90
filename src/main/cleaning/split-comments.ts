/**
 * Splits a reader-comment tail off the article: from a "N Comments" counter
 * (with N > 0) to the end. Comment-system chrome inside it ("ReplyDelete",
 * "Reply", "Delete") is removed; the text between is one comment per line.
 * A "0 Comments" counter is just boilerplate and is left to the boilerplate rules.
 */
import type { ReaderComment, RemovedLine } from '../../shared/cleaned-article';
import type { SourceLine } from './source-line';

const counter = /^([1-9]\d*) comments?$/i;
const chromePrefix = /^(ReplyDelete|Reply|Delete)+/;

export function splitComments(lines: SourceLine[]): {
  article: SourceLine[];
  comments: ReaderComment[];
  removed: RemovedLine[];
} {
  const start = lines.findIndex((line) => counter.test(line.text));
  if (start < 0 || !lines.slice(start + 1).some((line) => line.text !== '')) {
    return { article: lines, comments: [], removed: [] };
  }
  const removed: RemovedLine[] = [
    { line: lines[start]!.line, text: lines[start]!.text, kind: 'comment-counter' },
  ];
  const comments: ReaderComment[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.text === '') continue;
    const chrome = chromePrefix.exec(line.text)?.[0] ?? '';
    if (chrome) removed.push({ line: line.line, text: chrome, kind: 'comment-chrome' });
    const text = line.text.slice(chrome.length).trim();
    if (text) comments.push({ line: line.line, text });
  }
  return { article: lines.slice(0, start), comments, removed };
}
