/**
 * The headers every browser-mode response carries: the same Content-Security-Policy
 * the Electron window gets (plus `frame-ancestors 'none'`, which only works as a
 * header), no MIME sniffing, no referrer, no caching, and no CORS headers at all,
 * so no other origin may read an answer.
 */
import { contentSecurityPolicy } from '../../shared/content-security-policy';

export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': `${contentSecurityPolicy('production')}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
});
