/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './scripts/csp.ts';

/**
 * Cold load without a request waterfall (issue 16): index.html preloads the
 * default preset's chunk, the chunks it imports (the 2009 graph, shared by
 * five presets) and the graph canvas (Cytoscape), so they download while the
 * entry is parsed and run instead of after it.
 */
function preloadFirstGraph(): Plugin {
  const wanted = [/src\/scenarios\/presets\/clearview-ipmp-first-boot\.ts$/, /src\/scenarios\/layouts\/clearview-ipmp-first-boot\.json$/, /src\/graph-view\/GraphCanvas\.tsx$/];
  return {
    name: 'bootgraph-preload-first-graph',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (bundle === undefined) return html;
        const files = new Set<string>();
        const add = (file: string): void => {
          if (files.has(file)) return;
          files.add(file);
          const c = bundle[file];
          if (c !== undefined && c.type === 'chunk') for (const i of c.imports) add(i);
        };
        for (const c of Object.values(bundle)) {
          if (c.type === 'chunk' && c.facadeModuleId !== null && wanted.some((w) => w.test(c.facadeModuleId ?? ''))) add(c.fileName);
        }
        // Not what index.html already loads (the entry and its own preloads).
        const links = [...files].filter((f) => !html.includes(f)).map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`).join('\n    ');
        return html.replace('</head>', `  ${links}\n  </head>`);
      },
    },
  };
}

/**
 * The installable offline app (issue 18): vite-plugin-pwa (Workbox) writes the
 * web app manifest and a service worker that precaches the whole build —
 * every preset, lesson and real graph is a lazy chunk, and all of them are in
 * the precache — so after a first visit the app opens offline. The worker is
 * registered by the entry (src/main.tsx) after the first graph, not by an
 * inline script: the page's Content-Security-Policy (scripts/csp.ts) allows none.
 */
function offlineApp(): Plugin[] {
  return VitePWA({
    registerType: 'autoUpdate',
    // Registered by main.tsx once the first graph is drawn and the page is idle (issue 16): the worker's install
    // fetches the whole build, which must not compete with the first picture. (No inline script: the CSP allows none.)
    injectRegister: false,
    includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png', 'social-preview.png', 'embed-example.html', 'embed-example.css'],
    manifest: {
      name: 'bootgraph — SMF boot simulator',
      short_name: 'bootgraph',
      description: 'Watch illumos/Solaris SMF boot: svc.startd simulated in your browser, a live dependency graph, lessons, and svcs -xv at any instant.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#15181e',
      theme_color: '#15181e',
      categories: ['education', 'developer'],
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
      // The real illumos graphs are large lazy chunks; they are part of the offline app.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // The page of the first visit is served by the worker as soon as it is active (its later lazy chunks too).
      clientsClaim: true,
    },
  });
}

// The e2e bridge (window.__BOOTGRAPH__) is compiled in for dev servers and for
// builds made with VITE_E2E=1 (the Playwright web server); never for `npm run build`.
export default defineConfig({
  plugins: [react(), preloadFirstGraph(), contentSecurityPolicy(), offlineApp()],
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    // One chunk for the app's modules that more than one chunk imports (issue 16, first-graph JS). Without it, every
    // module the entry shares with a lazy panel became a chunk of its own: 38 files before the first graph instead of
    // 14, and cold loads measured slower. With it: 8 files, 403 kB gzip (BENCHMARKS.md, issue 16, session 4). The
    // scenarios are left out, so a preset's shared graph (graph-2009) is fetched only by the presets that use it.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app-shared', test: /\/src\/(?!scenarios\/)/, minShareCount: 2, minSize: 0 }] } } },
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
