import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelSize, placeHazardLabels } from './hazard-label.ts';
import type { NodeBox } from './viewport.ts';

/** The label's box at its placed offset. */
function boxAt(at: { x: number; y: number }, d: { x: number; y: number } | undefined, text: string): NodeBox {
  return { x: at.x + (d?.x ?? 0), y: at.y + (d?.y ?? 0), ...labelSize(text) };
}

function overlaps(a: NodeBox, b: NodeBox): boolean {
  return Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2;
}

describe('hazard labels', () => {
  it('are sized from their text in the 11 px monospace font, with padding', () => {
    expect(labelSize('/dev/ipmpstub').w).toBeGreaterThan(13 * 11 * 0.55);
    expect(labelSize('/dev/ipmpstub').w).toBeLessThan(13 * 11 * 0.7 + 8);
    expect(labelSize('a\nb').h).toBeGreaterThan(labelSize('a').h);
  });

  it('stay on the edge where nothing is near', () => {
    const at = { x: 0, y: 0 };
    expect(placeHazardLabels([{ id: 'h', at, text: '/dev/ipmpstub' }], [{ x: 0, y: -300, w: 100, h: 20 }, { x: 0, y: 300, w: 100, h: 20 }]).get('h')).toEqual({ x: 0, y: 0 });
  });

  it('move off two services drawn side by side (the flagship: network/physical and system/device/local), near the edge', () => {
    // Two 160-wide nodes whose facing sides are 20 apart: the midpoint label would lie across both labels.
    const local = { x: 0, y: 100, w: 160, h: 20 };
    const physical = { x: 180, y: 100, w: 160, h: 20 };
    const at = { x: 90, y: 100 };
    const d = placeHazardLabels([{ id: 'h', at, text: '/dev/ipmpstub' }], [local, physical]).get('h');
    const box = boxAt(at, d, '/dev/ipmpstub');
    expect(overlaps(box, local)).toBe(false);
    expect(overlaps(box, physical)).toBe(false);
    // Next to the edge: within the nodes' half height, the label's and a few units.
    expect(Math.abs(d?.y ?? 0)).toBeLessThanOrEqual(10 + box.h / 2 + 12);
    expect(d?.x).toBe(0);
  });

  it('do not cover each other (two hazards between the same services)', () => {
    const nodes = [{ x: 0, y: 0, w: 120, h: 20 }, { x: 0, y: 200, w: 120, h: 20 }];
    const at = { x: 0, y: 100 };
    const placed = placeHazardLabels([{ id: 'a', at, text: '/dev/ipmpstub' }, { id: 'b', at, text: '/etc/hostname.ipmp0' }], nodes);
    expect(overlaps(boxAt(at, placed.get('a'), '/dev/ipmpstub'), boxAt(at, placed.get('b'), '/etc/hostname.ipmp0'))).toBe(false);
  });

  it('cover no node whenever the nodes leave room around the edge (property)', () => {
    // Nodes on a coarse grid, far enough apart that a label always fits between them.
    const grid = fc.uniqueArray(fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 })), { minLength: 2, maxLength: 30, selector: ([x, y]) => `${x},${y}` });
    fc.assert(
      fc.property(grid, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (cells, i, j) => {
        const nodes = cells.map(([x, y]) => ({ x: x * 260, y: y * 90, w: 150, h: 22 }));
        const a = nodes[i % nodes.length];
        const b = nodes[(j % (nodes.length - 1) + 1 + (i % nodes.length)) % nodes.length];
        if (a === undefined || b === undefined || a === b) return;
        const at = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const box = boxAt(at, placeHazardLabels([{ id: 'h', at, text: '/dev/ipmpstub' }], nodes).get('h'), '/dev/ipmpstub');
        expect(nodes.filter((n) => overlaps(box, n))).toEqual([]);
      }),
    );
  });
});
