// The built app's Content-Security-Policy, as a <meta> in index.html: scripts, workers and
// connections from the app's own origin only — no inline script, no eval — so that even a
// scenario text that slipped past validation could not run. Styles may be inline (React sets
// element styles, and rendered Markdown tables align cells with a style attribute). Added at
// build time only: the dev server's hot reload injects an inline script of its own.
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'faultline-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}
