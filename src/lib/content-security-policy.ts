// What the portal's pages may load (the Content-Security-Policy header), in one place for
// next.config.ts and proxy.ts. Scripts: with a nonce, only the scripts Next.js marks with it and
// what they load ('strict-dynamic'), so that an injected inline script does not run; without
// one (responses the proxy does not see), the portal's own. Styles allow inline (React style
// attributes). Lesson videos, covers and HLS segments may come from any http(s) server an
// administrator entered, and hls.js feeds the player through blob: URLs. No plugins, no framing,
// forms post only here.

export function contentSecurityPolicy(opts: { nonce?: string; development: boolean }): string {
  const scripts = opts.nonce ? `'nonce-${opts.nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    // Development only: React's refresh evaluates code, and the dev server talks over WebSockets.
    `script-src ${scripts}${opts.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http: https:",
    "media-src 'self' blob: http: https:",
    `connect-src 'self' http: https:${opts.development ? " ws: wss:" : ""}`,
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
