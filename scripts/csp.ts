/**
 * The Content-Security-Policy of the built page (issue 15), added to
 * index.html by a Vite plugin for builds only (the dev server injects styles
 * inline and hot-reloads over a socket). No inline script, no eval, no remote
 * origin: everything comes from the page's own origin, images also from
 * data:/blob: (exports, the favicon). The one inline style allowed, by hash,
 * is the rule Cytoscape injects for its container.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** Cytoscape's renderer prepends this <style> (BRp.init in cytoscape.esm.mjs). */
export const CYTOSCAPE_STYLE = '.__________cytoscape_container { position: relative; }';

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${hash(CYTOSCAPE_STYLE)}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'bootgraph-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}
