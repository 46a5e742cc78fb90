/**
 * Signals that a line is site chrome rather than article text, each a named
 * test on the whole line (its list marker removed first, so "• Facebook" is
 * "Facebook"). They are features for the block classifier, not verdicts on
 * their own: `strong` signals decide alone, the others weigh in with length,
 * stopwords and the neighbouring lines.
 */
import { boilerplateKindOf, type BoilerplateKind } from './boilerplate-rules';
import { breakPattern } from './block-rules';

/** A bullet or number a scraper leaves in front of a menu entry or list item. */
const listMarker = /^(?:[-*•▪‣–·◦○●■□»›>]|\d{1,3}[.)]|\[\d{1,3}\])\s+/u;

export function withoutListMarker(text: string): string {
  return text.replace(listMarker, '');
}

export type ChromeSignal =
  | BoilerplateKind
  | 'button'
  | 'counter'
  | 'link-list'
  | 'copyright'
  | 'cookie-notice'
  | 'form-control'
  | 'no-words'
  | 'menu-item';

const button =
  /^(?:skip to (?:main )?(?:content|navigation|search)|skip navigation|jump to (?:content|navigation)|back to top|top of page|read more|continue reading|read the full (?:story|article)|more|load more|show more|view (?:all|more)|see (?:all|more)|subscribe(?: now)?|sign up(?: now)?|sign in|log ?in|log ?out|register|search|go|submit|menu|main menu|navigation|home|close|advertisement|advertisements?|sponsored(?: content)?|print(?: this)?(?: article| page| story)?|e-?mail(?: this)?(?: article| page| story)?|reprints?|permalink|bookmark|rss|feed|comments? feed|follow us|like us on facebook|follow us on twitter|share this:?|reddit|digg|delicious|stumbleupon|google\+?|pinterest|tumblr|instagram|youtube|more from [\p{L} ]{1,30}|related (?:articles|posts|stories|links|content|topics|videos)|most (?:popular|read|viewed|emailed|shared|commented)|trending(?: now)?|(?:leave|post|add|write) a (?:comment|reply)|reply|report(?: abuse)?|tags?:?|categories:?|filed under:?|posted in:?|topics:?|you may also like|recommended(?: for you)?|(?:previous|next)(?: page)?|page \d+(?: of \d+)?|\d+ of \d+|«|»|‹|›)\s*[:»›>]*$/iu;

const counter =
  /^\(?\d[\d,.]*\)?\s*(?:comments?|responses?|replies|views?|shares?|likes?|tweets?|retweets?|reads?|points?|votes?)?$|^(?:comments?|responses?|replies|views?|shares?|likes?)\s*(?:[:(]\s*)?\d[\d,.]*\)?$/iu;

const copyright = /©|&copy;|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b/iu;
const cookie =
  /\bcookies?\b.*\b(?:use|uses|using|accept|consent|policy|settings|continu|agree)|\b(?:use|uses|accept)\b.*\bcookies?\b/iu;
/** w3m draws inputs and buttons as brackets: "[                    ]", "[Search]", "[ ] Remember me". */
const formControl = /^(?:\[[^\]]{0,40}\]\s*){1,4}[\p{L}\s]{0,30}$|^\[\s{3,}\]/u;
const separators = /\s(?:\||·|•|»|›|\/|::)\s/gu;

export interface SignalResult {
  signal: ChromeSignal;
  /** A strong signal removes the line on its own; a weak one only tips a short line. */
  strong: boolean;
}

export function chromeSignal(text: string): SignalResult | null {
  const bare = withoutListMarker(text).trim();
  const rule = boilerplateKindOf(bare);
  if (rule) return { signal: rule, strong: true };
  // A section break ("---", "* * *") is article structure: its neighbours decide.
  if (breakPattern.test(bare)) return null;
  if (!/[\p{L}\p{N}]/u.test(bare)) return { signal: 'no-words', strong: false };
  if (button.test(bare)) return { signal: 'button', strong: true };
  if (counter.test(bare)) return { signal: 'counter', strong: bare.length < 30 };
  if (formControl.test(bare)) return { signal: 'form-control', strong: true };
  if (copyright.test(bare) && bare.length < 300) return { signal: 'copyright', strong: true };
  if (cookie.test(bare) && bare.length < 400) return { signal: 'cookie-notice', strong: true };
  const placeholders = bare.match(/\[[^\]]{1,40}\]/g)?.length ?? 0;
  if (placeholders >= 2 && bare.replace(/\[[^\]]{1,40}\]/g, '').trim().length < bare.length / 3)
    return { signal: 'form-control', strong: true };
  const pieces = bare.match(separators)?.length ?? 0;
  if (pieces >= 2 && !/[.!?。？！]["”’)]?$/u.test(bare)) return { signal: 'link-list', strong: pieces >= 3 };
  if (listMarker.test(text) && bare.split(/\s+/).length <= 4 && !/[.!?。？！,;:]$/u.test(bare))
    return { signal: 'menu-item', strong: false };
  return null;
}
