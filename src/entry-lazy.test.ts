/**
 * What the first graph does not need stays out of the entry (issue 16,
 * first-graph JS ≤ 300 kB gzip): the modules below are reached from
 * src/main.tsx only through `import()` (lazy chunks fetched when used, or
 * when the page is idle after the first graph), never through a static
 * import. A static import anywhere on the way pulls the module, and all it
 * imports, back into what the browser fetches before the first picture;
 * this test names the chain that does. (bench:ui measures the bytes.)
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importsOf, SRC } from './testing/source-imports.ts';

/** Every module the entry loads before it runs: static value imports, followed from main.tsx (type-only and dynamic imports are not). */
function entryClosure(entry: string): Map<string, string | undefined> {
  const via = new Map<string, string | undefined>([[entry, undefined]]);
  const queue = [entry];
  for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
    for (const i of importsOf(join(SRC, f))) {
      if (i.typeOnly || i.dynamic || i.target === undefined || !/\.(ts|tsx)$/.test(i.target) || via.has(i.target)) continue;
      via.set(i.target, f);
      queue.push(i.target);
    }
  }
  return via;
}

function chain(via: Map<string, string | undefined>, f: string): string {
  const out: string[] = [];
  for (let c: string | undefined = f; c !== undefined; c = via.get(c)) out.unshift(c);
  return out.join(' → ');
}

/** Loaded when shown or used (or preloaded when idle after the first graph), never with the entry. */
const LAZY = [
  // The graph canvas (Cytoscape, ELK client): its own chunk, fetched in parallel with the entry (main.tsx).
  'graph-view/GraphCanvas.tsx',
  // Panels the first picture does not show (components/Lazy/lazy-panel.tsx).
  'components/CompareView/CompareView.tsx',
  'components/StateTable/StateTable.tsx',
  'components/ScenarioEditor/ScenarioEditor.tsx',
  'components/HelpOverlay/HelpOverlay.tsx',
  'components/SavedWorkNotice/SavedWorkNotice.tsx',
  'components/FindingsPanel/FindingsPanel.tsx',
  'components/TourPanel/TourPanel.tsx',
  'components/ExplorePanel/ExplorePanel.tsx',
  'components/HazardsPanel/HazardsPanel.tsx',
  'components/ConsolePane/ConsolePane.tsx',
  'components/EventsPane/EventsPane.tsx',
  // Exporters, fetched on first use (session/file-commands.ts).
  'export/trace-events.ts',
  'graph-view/export-dot.ts',
  // The test bridge (dev and e2e builds only).
  'testing/e2e-bridge.ts',
];

describe('the entry (src/main.tsx) leaves out what the first graph does not need', () => {
  const via = entryClosure('main.tsx');

  it.each(LAZY)('%s is not statically imported from the entry', (m) => {
    expect(via.has(m) ? chain(via, m) : 'lazy').toBe('lazy');
  });

  it('the walk follows static imports (the first picture’s own modules are in it)', () => {
    expect(chain(via, 'components/GraphPanel/GraphPanel.tsx')).toMatch(/^main\.tsx → .*GraphPanel\.tsx$/);
    expect(via.has('session/create-session.ts')).toBe(true);
  });
});
