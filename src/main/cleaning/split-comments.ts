/**
 * Splits a reader-comment tail off the article. A comment section starts at a
 * comment header ("12 Comments", "{ 17 comments… read them below or add one }",
 * "Leave a Reply", "Responses") only where comment structure follows it:
 * several author/time/reply lines ("Reply", "July 16, 2012 at 6:30 pm",
 * "Anna says:", "3 hours ago") among the next lines. A comment count beside
 * the byline, followed by the story, is not a comment section. Comment-system
 * chrome inside the tail ("ReplyDelete", "Reply", "Delete") is removed; the
 * text between is one comment per line.
 */
import type { ReaderComment, RemovedLine } from '../../shared/cleaned-article';
import type { SourceLine } from './source-line';

const header =
  /^(?:[{([]\s*)?(?:[1-9][\d,]*\s+(?:comments?|responses?|replies|thoughts)\b.{0,80}|(?:reader\s+)?comments?(?:\s*\(\d+\))?|responses?|(?:leave|post|add) a (?:reply|comment)|join the discussion|discussion)\s*[:}\])»]?$/iu;
const chromePrefix = /^(?:ReplyDelete|Reply|Delete)+/;
/** Lines that name a comment's author and time. */
const authorLines = [
  /\b(?:at|@)\s*\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?/iu,
  /\b\d{1,2}:\d\d\s*[ap]\.?m\.?(?:\s|$)/iu,
  // "Anna says:", "Bob wrote…": a short line, never a sentence that ends "…, Filicetti said.".
  /^.{1,50}\b(?:said|says|wrote)\s*(?::|\.\.\.|…)?$/iu,
  /\bwrites:(?:\s+on\b|\s*$)/iu,
  /\(score:\s*-?\d/iu,
  /\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b/iu,
  // An avatar's image placeholder and a name: "[2f99c] Gawain Lynch".
  /^(?:\d{1,3}\.\s+)?\[[^\]]{1,20}\]\s+\p{Lu}[\p{L}.'’ -]{1,40}$/u,
  // A date alone on its line, under a commenter's name: "Aug 8 2012", "July 16, 2012".
  /^\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}$/u,
  // A numbered comment's name and date, "3. MJ - August 8, 2012"; "Posted by: tj at October 29, 2012 06:10 PM".
  /^(?:\d{1,3}\.?\s+.{1,50}\s[-–—|]|posted by:\s.{1,50}\s(?:at|on))\s+\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/iu,
];
/** Comment-system buttons. */
const replyLine =
  /^(?:[Rr]eply(?:[Dd]elete)?|REPLY|[Dd]elete|[Rr]eport(?: abuse)?|[Ll]ike|[Ff]lag(?: as inappropriate)?|[Pp]ermalink|[Rr]eply to this|[Ll]og in to [Rr]eply)(?!\p{Ll})/u;
const structure = [replyLine, ...authorLines];
/** How many lines after a header are searched for comment structure, and how many structure lines it takes. */
const window = 15;
const needed = 2;

const isStructure = (text: string) => structure.some((pattern) => pattern.test(text));

/**
 * A comment header with comment structure after it; or, without a header, an
 * author/time line that starts a run of comment structure (threads such as
 * Slashdot's, which have no header).
 */
function startsCommentSection(lines: SourceLine[], index: number): boolean {
  const text = lines[index]!.text;
  const withHeader = header.test(text);
  if (!withHeader && !(index > 0 && text.length < 200 && authorLines.some((pattern) => pattern.test(text))))
    return false;
  const following = lines
    .slice(index + 1)
    .filter((line) => line.text !== '')
    .slice(0, window);
  if (withHeader) return following.filter((line) => isStructure(line.text)).length >= needed;
  const authors = following.filter((line) => authorLines.some((pattern) => pattern.test(line.text))).length;
  return authors >= needed && following.some((line) => replyLine.test(line.text));
}

export function splitComments(lines: SourceLine[]): {
  article: SourceLine[];
  comments: ReaderComment[];
  removed: RemovedLine[];
} {
  const start = lines.findIndex((_, index) => startsCommentSection(lines, index));
  if (start < 0) return { article: lines, comments: [], removed: [] };
  const hasHeader = header.test(lines[start]!.text);
  const removed: RemovedLine[] = hasHeader
    ? [{ line: lines[start]!.line, text: lines[start]!.text, kind: 'comment-counter' }]
    : [];
  const comments: ReaderComment[] = [];
  for (const line of lines.slice(hasHeader ? start + 1 : start)) {
    if (line.text === '') continue;
    const chrome = chromePrefix.exec(line.text)?.[0] ?? '';
    if (chrome) removed.push({ line: line.line, text: chrome, kind: 'comment-chrome' });
    const text = line.text.slice(chrome.length).trim();
    if (text) comments.push({ line: line.line, text });
  }
  return { article: lines.slice(0, start), comments, removed };
}
