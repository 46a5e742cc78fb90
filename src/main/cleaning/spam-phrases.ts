/**
 * Phrases that do not belong in news copy: advertising and SEO spam injected
 * into scraped text. Matched as whole words, case-insensitively. The list holds
 * only phrases that are never news text: words a news story may well use on
 * their own ("payday loan", "Viagra", "buy now", "click here", "work from
 * home", "free shipping") are not here, so real reporting raises no alarm.
 */
export const spamPhrases = [
  'online shopping',
  'discount code',
  'promo code',
  'coupon code',
  'earn money online',
  'crypto giveaway',
  'limited time offer',
  'buy cheap',
];
