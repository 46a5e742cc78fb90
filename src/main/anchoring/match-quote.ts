/**
 * Finds where a quote now stands in a text, exactly or approximately, and
 * scores each candidate the way Hypothesis's anchoring does: how well the quote
 * matches, how well the text before and after it matches the stored prefix and
 * suffix, and how close it is to where it used to be. Approximate search is
 * approx-string-match (Myers' bit-parallel algorithm, by the Hypothesis team).
 */
import search from 'approx-string-match';

export interface QuoteMatch {
  /** UTF-16 offsets in the text. */
  start: number;
  end: number;
  /** 0 (no match) to 1 (quote, context and position all exact). */
  score: number;
  /** How much of the quote itself matched, 0 to 1. */
  quoteSimilarity: number;
}

const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const totalWeight = weights.quote + weights.prefix + weights.suffix + weights.position;

/** 1 when `expected` appears in `region` exactly, falling towards 0 with each error. */
function contextSimilarity(region: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (region.length === 0) return 0;
  const [best] = search(region, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

export interface QuoteHints {
  prefix: string;
  suffix: string;
  /** Where the quote used to start (UTF-16 offset), to prefer nearby matches. */
  positionHint: number;
}

function scoreCandidate(
  text: string,
  start: number,
  end: number,
  errors: number,
  exactLength: number,
  hints: QuoteHints,
): QuoteMatch {
  const quoteSimilarity = 1 - errors / Math.max(1, exactLength);
  const prefix = contextSimilarity(text.slice(Math.max(0, start - hints.prefix.length), start), hints.prefix);
  const suffix = contextSimilarity(text.slice(end, end + hints.suffix.length), hints.suffix);
  const position = 1 - Math.abs(start - hints.positionHint) / Math.max(1, text.length);
  const score =
    (weights.quote * quoteSimilarity +
      weights.prefix * prefix +
      weights.suffix * suffix +
      weights.position * position) /
    totalWeight;
  return { start, end, score, quoteSimilarity };
}

/** Every exact occurrence of `exact`, starting with those nearest the hint, capped to keep long texts fast. */
function exactOccurrences(text: string, exact: string, hint: number, limit = 64): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0 && found.length < 4096; at = text.indexOf(exact, at + 1))
    found.push(at);
  return found.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, limit);
}

/** How far from its old position a quote is first looked for (UTF-16 units). */
const nearby = 4096;

/**
 * The quote near its old position with its prefix and suffix intact: the usual
 * case after an edit elsewhere, found without scanning the whole text.
 */
function nearbyWithContext(text: string, exact: string, hints: QuoteHints): QuoteMatch | null {
  for (
    let at = text.indexOf(exact, Math.max(0, hints.positionHint - nearby));
    at >= 0 && at <= hints.positionHint + nearby;
    at = text.indexOf(exact, at + 1)
  ) {
    const end = at + exact.length;
    if (
      text.slice(at - hints.prefix.length, at) === hints.prefix &&
      text.slice(end, end + hints.suffix.length) === hints.suffix
    ) {
      return scoreCandidate(text, at, end, 0, exact.length, hints);
    }
  }
  return null;
}

/** The best exact occurrence of the quote, chosen by context and position; null if it no longer occurs. */
export function matchExactQuote(text: string, exact: string, hints: QuoteHints): QuoteMatch | null {
  const near = nearbyWithContext(text, exact, hints);
  if (near) return near;
  let best: QuoteMatch | null = null;
  for (const start of exactOccurrences(text, exact, hints.positionHint)) {
    const candidate = scoreCandidate(text, start, start + exact.length, 0, exact.length, hints);
    if (!best || candidate.score > best.score) best = candidate;
  }
  return best;
}

/** The best approximate occurrence of the quote (up to half its length in errors); null if none. */
export function matchApproximateQuote(text: string, exact: string, hints: QuoteHints): QuoteMatch | null {
  const maxErrors = Math.min(256, Math.floor(exact.length / 2));
  let best: QuoteMatch | null = null;
  for (const candidate of search(text, exact, maxErrors)) {
    const scored = scoreCandidate(
      text,
      candidate.start,
      candidate.end,
      candidate.errors,
      exact.length,
      hints,
    );
    if (!best || scored.score > best.score) best = scored;
  }
  return best;
}
