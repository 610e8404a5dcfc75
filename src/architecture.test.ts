/**
 * Layering, enforced (issues 2 and 16): model ← engine ← session and the
 * views ← app. ESLint has the same rules (eslint.config.js); this test makes
 * them part of `npm test` even if lint config drifts. It reads every source
 * file, resolves each relative import to the file it names, and checks it
 * against the rules below, so `'../engine'` (a bare folder) is caught as
 * surely as `'../engine/simulate.ts'`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importsOf, sourceFiles as files, SRC as root, typeOnly, type Import } from './testing/source-imports.ts';

const ALL = files(root).flatMap(importsOf);
const layer = (p: string): string => p.split('/')[0] ?? p;
const FRAMEWORK = /^(react|react-dom|@xstate\/react|zustand|cytoscape|elkjs)(\/|$)/;
const show = (i: Import): string => `${i.from} imports ${i.spec}`;

function violations(pred: (i: Import) => boolean): string[] {
  return ALL.filter(pred).map(show);
}

describe('architecture', () => {
  it('every relative import names a file (no bare folder imports like "../engine")', () => {
    const bad = violations((i) => i.target !== undefined && !(existsSync(join(root, i.target)) && statSync(join(root, i.target)).isFile()));
    expect(bad).toEqual([]);
  });

  it('src/model imports only the model and lib: no framework, engine, UI code or Node built-ins', () => {
    const bad = violations((i) => layer(i.from) === 'model' && (FRAMEWORK.test(i.spec) || i.spec === 'xstate' || i.spec.startsWith('node:') || (i.target !== undefined && !['model', 'lib'].includes(layer(i.target)))));
    expect(bad).toEqual([]);
  });

  it('src/engine imports only the model, lib and xstate', () => {
    const bad = violations((i) => layer(i.from) === 'engine' && (FRAMEWORK.test(i.spec) || i.spec.startsWith('node:') || (i.target !== undefined && !['engine', 'model', 'lib'].includes(layer(i.target)))));
    expect(bad).toEqual([]);
  });

  it('src/graph-view knows nothing of the stores, the session, the components or the app', () => {
    const bad = violations((i) => layer(i.from) === 'graph-view' && i.target !== undefined && ['store', 'session', 'components', 'app'].includes(layer(i.target)));
    expect(bad).toEqual([]);
  });

  it('nothing but the entry (main.tsx) imports src/app', () => {
    const bad = violations((i) => i.from !== 'main.tsx' && layer(i.from) !== 'app' && i.target !== undefined && layer(i.target) === 'app');
    expect(bad).toEqual([]);
  });

  it('components reach the session only through its hooks (src/session/react) and its pure data modules', () => {
    const PURE = ['session/document.ts', 'session/keymap.ts', 'session/scenario-file.ts'];
    const bad = violations(
      (i) => layer(i.from) === 'components' && !i.typeOnly && i.target !== undefined && layer(i.target) === 'session' && !i.target.startsWith('session/react/') && !PURE.includes(i.target),
    );
    expect(bad).toEqual([]);
  });

  it('components never hold the session object', () => {
    const bad = files(join(root, 'components')).filter((f) => /\buseSession\s*\(/.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(bad).toEqual([]);
  });

  it('src/session outside src/session/react is framework-free (no React) and below the views', () => {
    const bad = violations(
      (i) =>
        layer(i.from) === 'session' &&
        !i.from.startsWith('session/react/') &&
        !i.typeOnly &&
        (/^(react|react-dom|zustand)$/.test(i.spec) || /^(react|react-dom)\//.test(i.spec) || (i.target !== undefined && (['components', 'app'].includes(layer(i.target)) || i.target.startsWith('session/react/') || i.target.endsWith('.tsx')))),
    );
    expect(bad).toEqual([]);
  });

  it('the stores, selectors and share codec do not reach up into the session, the components or the app', () => {
    const bad = violations((i) => ['store', 'selectors', 'share', 'teaching', 'scenarios'].includes(layer(i.from)) && i.target !== undefined && ['session', 'components', 'app'].includes(layer(i.target)));
    expect(bad).toEqual([]);
  });

  it('in the app, only the session simulates (session/simulator.ts calls the engine’s simulate())', () => {
    const ui = ['session', 'components', 'app', 'graph-view', 'store', 'selectors', 'teaching', 'testing', 'share'];
    const bad = violations(
      (i) =>
        ui.includes(layer(i.from)) &&
        !['session/simulator.ts', 'testing/fixtures.ts'].includes(i.from) &&
        i.target !== undefined &&
        (i.target === 'engine/simulate.ts' || (i.target === 'engine/index.ts' && /\bsimulate\b/.test(readFileSync(join(root, i.from), 'utf8').match(new RegExp(`import\\s*\\{[^}]*\\}\\s*from\\s*['"]${i.spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`))?.[0] ?? ''))),
    );
    expect(bad).toEqual([]);
  });

  it('value imports between source files form no cycle', () => {
    const graph = new Map<string, string[]>();
    for (const i of ALL) {
      if (i.typeOnly || i.target === undefined || !/\.(ts|tsx)$/.test(i.target)) continue;
      graph.set(i.from, [...(graph.get(i.from) ?? []), i.target]);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (n: string): void => {
      state.set(n, 'open');
      stack.push(n);
      for (const m of graph.get(n) ?? []) {
        if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m].join(' → '));
        else if (state.get(m) === undefined) visit(m);
      }
      stack.pop();
      state.set(n, 'done');
    };
    for (const n of [...graph.keys()].sort()) if (state.get(n) === undefined) visit(n);
    expect(cycles).toEqual([]);
  });

  it('model and engine use no real timers and no unseeded randomness', () => {
    const bad: string[] = [];
    for (const f of [...files(join(root, 'model')), ...files(join(root, 'engine'))]) {
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const pat of [/\bMath\.random\b/, /\bDate\.now\b/, /\bperformance\.now\b/, /\bsetTimeout\s*\(/, /\bsetInterval\s*\(/, /\brequestAnimationFrame\b/]) {
        if (pat.test(text)) bad.push(`${relative(root, f)}: ${pat.source}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('only src/graph-view imports cytoscape', () => {
    const bad = violations((i) => layer(i.from) !== 'graph-view' && /^cytoscape/.test(i.spec));
    expect(bad).toEqual([]);
  });

  it('the engine models svc.startd with an XState machine (setup().createMachine)', () => {
    const text = readFileSync(join(root, 'engine', 'restarter.machine.ts'), 'utf8');
    expect(text).toMatch(/setup\(\{[\s\S]*\}\)\.createMachine\(/);
  });
});

describe('the guards guard', () => {
  it('a bare folder import resolves to a directory, which the first rule refuses', () => {
    const target = relative(root, resolve(join(root, 'model'), '../engine'));
    expect(target).toBe('engine');
    expect(statSync(join(root, target)).isDirectory()).toBe(true);
  });

  it('type-only imports are told apart from value imports', () => {
    expect(typeOnly('type ', '{ A }')).toBe(true);
    expect(typeOnly(undefined, '{ type A, type B }')).toBe(true);
    expect(typeOnly(undefined, '{ type A, B }')).toBe(false);
    expect(typeOnly(undefined, 'X')).toBe(false);
  });
});
