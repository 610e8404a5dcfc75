import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { PALETTES, type ThemeName } from '../theme/palette.ts';
import { EDGE_LAYER_RULES, edgeLook } from './edge-look.ts';
import { graphStylesheet } from './stylesheet.ts';

/** Every combination of the classes to-elements.ts gives an edge of the graph model (hazard edges are not the layer's). */
function combinations(): string[][] {
  const out: string[][] = [];
  // "access": a tour's file joined to the services that touched it (named-resources.ts), which has no grouping class.
  for (const g of ['g-require_all', 'g-require_any', 'g-optional_all', 'g-exclude_all', 'access'])
    for (const restarter of [[], ['restarter']])
      for (const bundle of [[], ['bundle']])
        for (const focus of [[], ['hl'], ['dim']])
          for (const chain of [[], ['chain']]) out.push([g, ...restarter, ...bundle, ...focus, ...chain]);
  return out;
}

/** Cytoscape's computed style and derived state (public at runtime, missing from its typings). */
interface Computed {
  pstyle(name: string): { readonly value: unknown; readonly pfValue: unknown };
  visible(): boolean;
  interactive(): boolean;
}
const computed = (cy: cytoscape.Core, id: string): Computed => cy.getElementById(id) as unknown as Computed;

function hex(rgb: readonly number[]): string {
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** A headless Cytoscape with the large graphs' stylesheet (light detail, no arrowheads), an edge per combination. */
function styled(theme: ThemeName, extra: cytoscape.StylesheetJson = []) {
  const combos = combinations();
  const style = [...(graphStylesheet({ theme, reducedMotion: true, arrows: false, detail: 'light' }) as cytoscape.StylesheetStyle[]), ...(extra as cytoscape.StylesheetStyle[])];
  const cy = cytoscape({ headless: true, styleEnabled: true, style, elements: [{ group: 'nodes', data: { id: 'a', label: 'a', w: 40, h: 26 } }, { group: 'nodes', data: { id: 'b', label: 'b', w: 40, h: 26 } }] });
  combos.forEach((c, i) => cy.add({ group: 'edges', data: { id: `e${i}`, source: 'a', target: 'b', grouping: c[0]?.slice(2) }, classes: c.join(' ') }));
  return { cy, combos };
}

describe('the edge layer looks like the stylesheet', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`gives every class combination Cytoscape's colour, width, dash and opacity (${theme})`, () => {
      const { cy, combos } = styled(theme);
      combos.forEach((c, i) => {
        const e = computed(cy, `e${i}`);
        const look = edgeLook(new Set(c), PALETTES[theme]);
        expect(look, c.join(' ')).toBeDefined();
        if (look === undefined) return;
        const lineStyle = String(e.pstyle('line-style').value);
        const dash = lineStyle === 'dotted' ? [1, 1] : lineStyle === 'dashed' ? (e.pstyle('line-dash-pattern').pfValue as number[]) : [];
        expect({ color: look.color, width: look.width, dash: look.dash, opacity: look.opacity }, c.join(' ')).toEqual({
          color: hex(e.pstyle('line-color').value as number[]),
          width: e.pstyle('width').pfValue as number,
          dash,
          opacity: e.pstyle('opacity').value as number,
        });
        // Drawn straight from centre to centre, as the layer draws it.
        expect(e.pstyle('curve-style').value).toBe('haystack');
        expect(e.pstyle('haystack-radius').value).toBe(0);
        expect(e.pstyle('target-arrow-shape').value).toBe('none');
      });
    });
  }

  it('stacks highlighted edges over plain ones and the chain over both, as their z-index does', () => {
    const { cy, combos } = styled('light');
    combos.forEach((c, i) => expect(edgeLook(new Set(c), PALETTES.light)?.z, c.join(' ')).toBe(computed(cy, `e${i}`).pstyle('z-index').value));
  });

  it('leaves hazard edges to Cytoscape', () => {
    expect(edgeLook(new Set(['hazard']), PALETTES.light)).toBeUndefined();
    expect(edgeLook(new Set(['hazard', 'dim']), PALETTES.dark)).toBeUndefined();
  });

  it('with the layer on, Cytoscape leaves the layer edges out of its frames and draws hazards as before', () => {
    const { cy } = styled('light', EDGE_LAYER_RULES);
    const plain = computed(cy, 'e0');
    // Not painted, not hit-tested, no geometry kept up to date (display: none).
    expect(plain.visible()).toBe(false);
    expect(plain.interactive()).toBe(false);
    expect(plain.pstyle('display').value).toBe('none');
    const hazards: cytoscape.ElementDefinition[] = [
      { group: 'edges', data: { id: 'h', source: 'a', target: 'b', label: 'x' }, classes: 'hazard' },
      { group: 'edges', data: { id: 'hd', source: 'a', target: 'b', label: 'x' }, classes: 'hazard dim' },
      { group: 'edges', data: { id: 'hh', source: 'a', target: 'b', label: 'x' }, classes: 'hazard hl' },
    ];
    cy.add(hazards);
    const without = styled('light').cy;
    without.add(hazards);
    for (const id of ['h', 'hd', 'hh']) {
      for (const prop of ['display', 'opacity', 'line-color', 'width', 'curve-style']) expect(computed(cy, id).pstyle(prop).value, `${id} ${prop}`).toEqual(computed(without, id).pstyle(prop).value);
      expect(computed(cy, id).visible()).toBe(true);
      expect(computed(cy, id).interactive()).toBe(true);
    }
  });
});
