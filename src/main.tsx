/**
 * Entry: read the address (?preset, ?t, ?select), create the app's services,
 * mount React, and in development or e2e builds install the test bridge.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/global.css';
import { App } from './app/App.tsx';
import { createServices } from './app/services.ts';
import { presetDocument } from './app/session.ts';
import { applyTheme } from './app/theme.ts';
import { defaultPresetId } from './app/use-base-scenario.ts';
import { parseUrlRequest } from './app/url-params.ts';
import { presetIds } from './scenarios/catalog.ts';

const request = parseUrlRequest(window.location.search, presetIds());
const services = createServices({
  doc: presetDocument(request.preset ?? defaultPresetId()),
  ui: {
    ...(request.t === undefined ? {} : { playhead: request.t, pin: undefined }),
    ...(request.select === undefined ? {} : { selected: request.select }),
  },
});
if (request.problems.length > 0) services.ui.getState().showToast(request.problems.join(' '), 'error');

// Paint the right theme before React mounts (no flash of the wrong colours).
applyTheme(window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

if (import.meta.env.DEV || import.meta.env.VITE_E2E === '1') {
  void import('./testing/e2e-bridge.ts').then((m) => m.installE2eBridge(services));
}

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}
