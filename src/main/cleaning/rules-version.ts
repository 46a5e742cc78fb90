/**
 * The version of the cleaning rules. Every cleaned article records the version
 * that produced it; raising this number makes the app re-clean articles from
 * their unchanged raw text (and re-anchor highlights) the next time they are read.
 */
export const cleaningRulesVersion = 5;
