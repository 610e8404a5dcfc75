import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../theme/palette.ts';
import { batchEdges, batchSegments, layerTransform, nearestEdge, type LayerEdge } from './edge-batches.ts';
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
    const placed = batchSegments(es, (id) => pos.get(id));
    expect([...placed.seg]).toEqual([1, 2, 10, 20, 10, 20, 1, 2]);
    expect(placed.edges.map((e) => e.id)).toEqual(['1', '3']);
  });

  it('finds the edge under a point as Cytoscape does: the nearest within half its width plus the reach', () => {
    const e = (id: string, source: string, target: string): LayerEdge => ({ id, source, target, classes: new Set() });
    const pos = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 100, y: 0 }],
      ['c', { x: 0, y: 10 }],
      ['d', { x: 100, y: 10 }],
    ]);
    const thin = { width: 1, placed: batchSegments([e('ab', 'a', 'b')], (id) => pos.get(id)) };
    const wide = { width: 6, placed: batchSegments([e('cd', 'c', 'd')], (id) => pos.get(id)) };
    expect(nearestEdge([thin, wide], { x: 50, y: 2 }, 2)?.edge.id).toBe('ab');
    expect(nearestEdge([thin, wide], { x: 50, y: 7 }, 2)?.edge.id).toBe('cd');
    expect(nearestEdge([thin, wide], { x: 50, y: 7 }, 2)?.mid).toEqual({ x: 50, y: 10 });
    // Beyond the end of a segment, and beyond the reach: nothing.
    expect(nearestEdge([thin, wide], { x: 104, y: 0 }, 2)).toBeUndefined();
    expect(nearestEdge([thin, wide], { x: 50, y: -3 }, 2)).toBeUndefined();
    expect(nearestEdge([thin, wide], { x: 50, y: 16 }, 2)).toBeUndefined();
  });

  it('never finds an edge farther than its reach, and always finds one within it (fast-check)', () => {
    const pt = fc.record({ x: fc.integer({ min: -50, max: 150 }), y: fc.integer({ min: -50, max: 150 }) });
    fc.assert(
      fc.property(pt, pt, pt, fc.integer({ min: 1, max: 8 }), (a, b, p, width) => {
        const pos = new Map([
          ['a', a],
          ['b', b],
        ]);
        const placed = batchSegments([{ id: 'e', source: 'a', target: 'b', classes: new Set() }], (id) => pos.get(id));
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
        const d = Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
        const hit = nearestEdge([{ width, placed }], p, 3);
        if (d < width / 2 + 3 - 1e-9) expect(hit?.edge.id).toBe('e');
        if (d > width / 2 + 3 + 1e-9) expect(hit).toBeUndefined();
      }),
    );
  });

  it('maps graph coordinates to the canvas as Cytoscape does (rendered = position × zoom + pan, times the pixel ratio)', () => {
    const [a, b, c, d, e, f] = layerTransform(0.5, { x: 30, y: -12 }, 2);
    // A graph point (100, 40) is rendered at (100 × 0.5 + 30, 40 × 0.5 − 12) = (80, 8) CSS px = (160, 16) canvas px.
    expect([a * 100 + c * 40 + e, b * 100 + d * 40 + f]).toEqual([160, 16]);
  });
});
