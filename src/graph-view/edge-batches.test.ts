import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../theme/palette.ts';
import { batchEdges, batchSegments, layerTransform, type LayerEdge } from './edge-batches.ts';
import { edgeLook, lookKey } from './edge-look.ts';

const CLASS = fc.constantFrom('g-require_all', 'g-require_any', 'g-optional_all', 'g-exclude_all', 'restarter', 'bundle', 'hl', 'dim', 'chain', 'hazard', 'right');
const edges = fc.uniqueArray(
  fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), source: fc.constantFrom('a', 'b', 'c'), target: fc.constantFrom('a', 'b', 'c', 'd'), classes: fc.uniqueArray(CLASS, { maxLength: 5 }) }),
  { selector: (e) => e.id, maxLength: 60 },
).map((es) => es.map((e): LayerEdge => ({ ...e, classes: new Set(e.classes) })));

describe('edge batches', () => {
  it('puts every edge the layer draws in exactly one batch, of its own look, and no other edge in any', () => {
    fc.assert(
      fc.property(edges, fc.constantFrom('light' as const, 'dark' as const), (es, theme) => {
        const p = PALETTES[theme];
        const batches = batchEdges(es, p);
        const seen = new Map<string, number>();
        for (const b of batches) {
          expect(new Set(batches.map((x) => x.key)).size).toBe(batches.length);
          for (const e of b.edges) {
            seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
            const look = edgeLook(e.classes, p);
            expect(look).toEqual(b.look);
            expect(look === undefined ? undefined : lookKey(look)).toBe(b.key);
          }
        }
        for (const e of es) expect(seen.get(e.id) ?? 0, e.id).toBe(e.classes.has('hazard') ? 0 : 1);
      }),
    );
  });

  it('orders batches as Cytoscape stacks edges: by z-index, fainter first', () => {
    fc.assert(
      fc.property(edges, (es) => {
        const batches = batchEdges(es, PALETTES.light);
        for (let i = 1; i < batches.length; i++) {
          const a = batches[i - 1]?.look;
          const b = batches[i]?.look;
          if (a === undefined || b === undefined) continue;
          expect(a.z < b.z || (a.z === b.z && a.opacity <= b.opacity)).toBe(true);
        }
      }),
    );
  });

  it('strokes the chain over highlighted edges over plain ones, and groups plain edges of a grouping together', () => {
    const e = (id: string, ...cls: string[]): LayerEdge => ({ id, source: 'a', target: 'b', classes: new Set(cls) });
    const batches = batchEdges([e('1', 'g-require_all', 'chain'), e('2', 'g-require_all'), e('3', 'g-require_all', 'hl'), e('4', 'g-require_all'), e('5', 'g-require_all', 'dim')], PALETTES.light);
    expect(batches.map((b) => b.edges.map((x) => x.id))).toEqual([['5'], ['2', '4'], ['3'], ['1']]);
  });

  it('draws an edge from centre to centre, skipping edges with an end not placed', () => {
    const pos = new Map([
      ['a', { x: 1, y: 2 }],
      ['b', { x: 10, y: 20 }],
    ]);
    const es: LayerEdge[] = [
      { id: '1', source: 'a', target: 'b', classes: new Set() },
      { id: '2', source: 'a', target: 'x', classes: new Set() },
      { id: '3', source: 'b', target: 'a', classes: new Set() },
    ];
    expect([...batchSegments(es, (id) => pos.get(id))]).toEqual([1, 2, 10, 20, 10, 20, 1, 2]);
  });

  it('maps graph coordinates to the canvas as Cytoscape does (rendered = position × zoom + pan, times the pixel ratio)', () => {
    const [a, b, c, d, e, f] = layerTransform(0.5, { x: 30, y: -12 }, 2);
    // A graph point (100, 40) is rendered at (100 × 0.5 + 30, 40 × 0.5 − 12) = (80, 8) CSS px = (160, 16) canvas px.
    expect([a * 100 + c * 40 + e, b * 100 + d * 40 + f]).toEqual([160, 16]);
  });
});
