/**
 * The renderer's Content-Security-Policy. Production allows only the app's own
 * scripts and styles; development adds what Vite's hot reload needs (inline
 * styles and its websocket) and nothing more.
 */
export function contentSecurityPolicy(mode: 'production' | 'development'): string {
  const dev = mode === 'development';
  return [
    "default-src 'none'",
    "script-src 'self'",
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws://localhost:*" : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}
