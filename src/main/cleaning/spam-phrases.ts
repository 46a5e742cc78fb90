/**
 * Phrases that do not belong in news copy: advertising and SEO spam injected
 * into scraped text. Matched as whole words, case-insensitively. The list is
 * short and specific on purpose: a phrase here must never be plausible in a
 * news article about policy, so the seeds raise no false alarms.
 */
export const spamPhrases = [
  'online shopping',
  'buy now',
  'click here',
  'free shipping',
  'best price',
  'discount code',
  'promo code',
  'coupon code',
  'online casino',
  'payday loan',
  'earn money online',
  'work from home',
  'crypto giveaway',
  'limited time offer',
  'cheap flights',
  'viagra',
  'cialis',
];
