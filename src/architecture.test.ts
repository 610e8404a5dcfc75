/**
 * Layering, enforced (issue 2): model ← engine ← everything else. ESLint has
 * the same rules; this test makes them part of `npm test` even if lint config
 * drifts. It reads the sources and checks every import and forbidden global.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(process.cwd(), 'src');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) if (m[1] !== undefined) out.push(m[1]);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) if (m[1] !== undefined) out.push(m[1]);
  return out;
}

const FRAMEWORK = /^(react|react-dom|@xstate\/react|zustand|cytoscape|elkjs)(\/|$)/;

describe('architecture', () => {
  it('src/model imports no framework, no engine/UI code, and no Node built-ins', () => {
    const bad: string[] = [];
    for (const f of files(join(root, 'model'))) {
      for (const i of imports(f)) {
        if (FRAMEWORK.test(i) || i === 'xstate' || i.startsWith('node:') || /\/(engine|store|graph-view|components|app|cli)\//.test(i)) {
          bad.push(`${relative(root, f)} imports ${i}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/engine imports only the model, lib and xstate', () => {
    const bad: string[] = [];
    for (const f of files(join(root, 'engine'))) {
      for (const i of imports(f)) {
        if (FRAMEWORK.test(i) || i.startsWith('node:') || /\/(store|graph-view|components|app|cli)\//.test(i)) bad.push(`${relative(root, f)} imports ${i}`);
      }
    }
    expect(bad).toEqual([]);
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
    const bad: string[] = [];
    for (const f of files(root)) {
      if (relative(root, f).startsWith('graph-view')) continue;
      for (const i of imports(f)) if (/^cytoscape/.test(i)) bad.push(`${relative(root, f)} imports ${i}`);
    }
    expect(bad).toEqual([]);
  });

  it('the engine models svc.startd with an XState machine (setup().createMachine)', () => {
    const text = readFileSync(join(root, 'engine', 'restarter.machine.ts'), 'utf8');
    expect(text).toMatch(/setup\(\{[\s\S]*\}\)\.createMachine\(/);
  });
});
