/**
 * A block of the page with the classifier's verdict on it: the shape the
 * boilerplate finder produces and the title rules read, in a file of its own so
 * neither imports the other.
 */
import type { RemovedLine } from '../../shared/cleaned-article';
import type { BlockFeatures } from './block-features';
import type { Verdict } from './classify-article-text';
import type { JoinedLine } from './join-wrapped-lines';

export interface JudgedBlock {
  block: JoinedLine;
  features: BlockFeatures;
  verdict: Verdict;
  kind: RemovedLine['kind'];
  reason: string;
  /** Set by the reader (restored or removed by hand): no rule or second look changes it. */
  pinned?: boolean;
}
