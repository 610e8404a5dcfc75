/** Playwright settings for `npm run screenshot` (the README picture): the e2e settings, this one script, 1366×768. */
import { defineConfig } from '@playwright/test';
import e2e from '../../playwright.config.ts';

export default defineConfig({
  ...e2e,
  testDir: '.',
  testMatch: /readme\.shot\.ts$/,
  outputDir: '../../test-results/screenshot',
  use: { ...e2e.use, viewport: { width: 1366, height: 768 } },
  // The same web server as the e2e suite, started from the repository root.
  ...(e2e.webServer === undefined || Array.isArray(e2e.webServer) ? {} : { webServer: { ...e2e.webServer, cwd: '../..' } }),
});
