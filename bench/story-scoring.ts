/**
 * Scoring for `npm run eval:story`: pairwise precision and recall of a
 * clustering against gold labels (used for alias merging and story grouping),
 * and the gold entity a mention stands for (the longest expected alias its
 * words end with, possessive aside).
 */
import { trimEndWhile } from '../src/main/story/trim-chars';

/** The five seeds' file names (without .txt). */
export const seedNamesForBench = [
  '000_8df5f48e4ac51fc5',
  '001_65831639b4f4e14b',
  '002_fcb9d55784e1e080',
  '003_ffeabc11d1486852',
  '004_8078960195baae82',
];

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
  pairs: number;
}

/** Pairs of items put together by `predicted` against pairs together in `gold` (same-length label arrays). */
export function pairScores(predicted: string[], gold: string[]): PairScores {
  let truePositive = 0;
  let predictedPairs = 0;
  let goldPairs = 0;
  for (let i = 0; i < predicted.length; i += 1) {
    for (let j = i + 1; j < predicted.length; j += 1) {
      const together = predicted[i] === predicted[j];
      const goldTogether = gold[i] === gold[j];
      if (together) predictedPairs += 1;
      if (goldTogether) goldPairs += 1;
      if (together && goldTogether) truePositive += 1;
    }
  }
  const precision = predictedPairs === 0 ? 1 : truePositive / predictedPairs;
  const recall = goldPairs === 0 ? 1 : truePositive / goldPairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pairs: goldPairs };
}

export interface GoldEntity {
  label: string;
  kind: string;
  aliases: string[];
}

/** The gold entity whose alias the mention's words end with (longest alias wins), or null. */
export function goldEntityOf(mentionText: string, entities: GoldEntity[]): string | null {
  const words0 = mentionText.replace(/(?:['’?]s|['’])$/u, '');
  const trimmed = trimEndWhile(words0, (char) => ',;:'.includes(char));
  const words =
    trimmed.endsWith('.') && !/\b\p{Lu}\.\p{Lu}\.$/u.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
  let best: { label: string; length: number } | null = null;
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      const endsWith = words === alias || words.endsWith(` ${alias}`);
      if (endsWith && (best === null || alias.length > best.length))
        best = { label: entity.label, length: alias.length };
    }
  }
  return best?.label ?? null;
}
