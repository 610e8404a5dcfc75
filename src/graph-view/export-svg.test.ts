import { describe, expect, it } from 'vitest';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { filesAtIndex } from '../selectors/files.ts';
import { createSeeker } from '../engine/index.ts';
import { legendItemWidth, legendItems } from './export-legend.ts';
import { pngFrame } from './export-png.ts';
import { PALETTES } from '../theme/palette.ts';
import { demoTrace } from '../testing/fixtures.ts';
import { boxExit, graphToSvg, svgGraphFrom, xmlText, type SvgGraph } from './export-svg.ts';
import { simpleLayout } from './layout-simple.ts';
import { buildGraphModel } from './model.ts';
import { toElements } from './to-elements.ts';

const graph: SvgGraph = {
  nodes: [
    { id: 'a', label: '● site/a', title: 'svc:/site/a:default', x: 0, y: 0, w: 100, h: 24, state: 'online' },
    { id: 'b', label: '✕ site/b', title: 'svc:/site/b:default', x: 0, y: 100, w: 100, h: 24, state: 'maintenance', selected: true },
    { id: 'f', label: '◆ /etc/x', title: 'file', x: 200, y: 0, w: 80, h: 24, state: 'file-present' },
    { id: 'g', label: '● group\n●3 ✕1', title: 'group', x: 200, y: 100, w: 120, h: 40, state: 'degraded' },
  ],
  edges: [
    { source: 'b', target: 'a', grouping: 'require_all', title: 'b → a' },
    { source: 'b', target: 'f', grouping: 'optional_all', title: 'b → f' },
    { source: 'g', target: 'a', grouping: 'exclude_all', title: 'g → a' },
    { source: 'g', target: 'f', grouping: 'require_any', title: 'g → f', restarter: true },
  ],
};

describe('SVG export', () => {
  it('is a standalone SVG document with every node and edge', () => {
    const svg = graphToSvg(graph, { title: 'demo at 1.000 s' });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const graphPart = svg.slice(0, svg.indexOf('<g class="legend"'));
    expect((graphPart.match(/<line /g) ?? []).length).toBe(4);
    expect((svg.match(/<tspan /g) ?? []).length).toBe(5);
    expect(svg).toContain('demo at 1.000 s');
  });

  it('an exported file (with a title) carries the legend: every state swatch and grouping line, inside the picture', () => {
    const svg = graphToSvg(graph, { title: 'demo at 1.000 s' });
    const legend = svg.slice(svg.indexOf('<g class="legend"'));
    for (const label of legendItems(PALETTES.light).map((i) => i.label)) expect(legend).toContain(`>${label}</text>`);
    const height = Number(/height="([\d.]+)"/.exec(svg)?.[1]);
    const box = /viewBox="([-\d.]+) ([-\d.]+) [\d.]+ [\d.]+"/.exec(svg);
    const bottom = Number(box?.[2]) + height;
    for (const m of legend.matchAll(/ y="([-\d.]+)"/g)) expect(Number(m[1])).toBeLessThan(bottom);
    // Without a title (the in-app preview), no legend; the printed page asks for the legend without a title.
    expect(graphToSvg(graph)).not.toContain('class="legend"');
    const printed = graphToSvg(graph, { legend: true });
    expect(printed).toContain('class="legend"');
    expect(printed).not.toContain('font-weight="600"');
  });

  it('the PNG frame holds the graph, a title line and the legend rows within its size', () => {
    const f = pngFrame(800, 500, PALETTES.light);
    expect(f.graph.y).toBeGreaterThan(f.titleY);
    expect(f.legendY).toBeGreaterThanOrEqual(f.graph.y + 500);
    expect(f.legend.map((p) => p.item.label)).toEqual(legendItems(PALETTES.light).map((i) => i.label));
    for (const p of f.legend) expect(f.legendY + p.y + 20).toBeLessThanOrEqual(f.height);
    for (const p of f.legend) expect(p.x + legendItemWidth(p.item)).toBeLessThanOrEqual(f.width);
    // A tiny graph still gets a frame wide enough for its title and legend.
    expect(pngFrame(50, 20, PALETTES.light).width).toBeGreaterThanOrEqual(640);
  });

  it('colours nodes by state and draws groupings as the canvas does', () => {
    const p = PALETTES.light;
    const svg = graphToSvg(graph);
    expect(svg).toContain(`fill="${p.states.online.fill}" stroke="${p.states.online.accent}"`);
    expect(svg).toContain(`fill="${p.states.maintenance.fill}" stroke="${p.states.maintenance.accent}"`);
    expect(svg).toContain('font-weight="bold"');
    const lines = svg.split('\n').filter((l) => l.startsWith('<line '));
    expect(lines[0]).toContain('stroke-width="2.4"');
    expect(lines[0]).toContain('marker-end="url(#arrow)"');
    expect(lines[1]).toContain('stroke-dasharray="6 4"');
    expect(lines[2]).toContain(`stroke="${p.edgeExclude}"`);
    expect(lines[2]).toContain('marker-end="url(#tee)"');
    expect(lines[3]).toContain('marker-end="url(#square)"');
    // The selection is outlined in the accent colour.
    expect(svg).toContain(`stroke="${p.accent}"`);
    expect(graphToSvg(graph, { theme: 'dark' })).toContain(`fill="${PALETTES.dark.bg}"`);
  });

  it('draws an ordering hazard dashed in the failure colour, its label off the two services it joins (side by side)', () => {
    const p = PALETTES.light;
    const side: SvgGraph = {
      nodes: [
        { id: 'local', label: '● system/device/local', title: 'svc:/system/device/local:default', x: 0, y: 0, w: 160, h: 20, state: 'online' },
        { id: 'physical', label: '✕ network/physical', title: 'svc:/network/physical:default', x: 180, y: 0, w: 160, h: 20, state: 'maintenance' },
      ],
      edges: [{ source: 'physical', target: 'local', grouping: 'require_all', hazard: { label: '/dev/<ipmpstub>', right: false }, title: 'Ordering hazard' }],
    };
    const svg = graphToSvg(side);
    const line = svg.split('\n').find((l) => l.startsWith('<line '));
    expect(line).toContain(`stroke="${p.states.maintenance.accent}"`);
    expect(line).toContain('stroke-dasharray="8 5"');
    expect(line).toContain('marker-end="url(#hazard)"');
    // The label is text (escaped), in a box that covers neither service.
    expect(svg).toContain('>/dev/&lt;ipmpstub&gt;</text>');
    const rect = /<g class="hazard-labels"><g><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    expect(rect).not.toBeNull();
    const [x, y, w, h] = (rect ?? []).slice(1).map(Number) as [number, number, number, number];
    for (const n of side.nodes) {
      const apart = x + w <= n.x - n.w / 2 || x >= n.x + n.w / 2 || y + h <= n.y - n.h / 2 || y >= n.y + n.h / 2;
      expect(apart, `the label covers ${n.id}`).toBe(true);
    }
    // From the canvas's elements (to-elements.ts hazardElements: class hazard, the label in data).
    const from = svgGraphFrom(
      [
        { group: 'nodes', data: { id: 'local', label: 'l', w: 160, h: 20 }, classes: '' },
        { group: 'nodes', data: { id: 'physical', label: 'p', w: 160, h: 20 }, classes: '' },
        { group: 'edges', data: { id: 'hazard:physical>local:/dev/x', source: 'physical', target: 'local', label: '/dev/x', title: 't' }, classes: 'hazard right' },
      ],
      (id) => (id === 'local' ? { x: 0, y: 0 } : { x: 180, y: 0 }),
    );
    expect(from.edges[0]?.hazard).toEqual({ label: '/dev/x', right: true });
    // One the boot happened to order right is muted.
    const muted = graphToSvg({ ...side, edges: [{ source: 'physical', target: 'local', grouping: 'require_all', hazard: { label: '/dev/x', right: true }, title: '' }] });
    expect(muted.split('\n').find((l) => l.startsWith('<line '))).toContain('marker-end="url(#hazard-right)"');
  });

  it('escapes text: markup in a name stays text', () => {
    expect(xmlText('<img src=x onerror=alert(1)> & "q" \'s\u0001')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &apos;s');
    const svg = graphToSvg({ nodes: [{ id: 'x', label: '● <img src=x onerror=alert(1)>', title: '<script>alert(1)</script>', x: 0, y: 0, w: 200, h: 24, state: 'offline' }], edges: [] }, { title: '</svg><script>' });
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect((svg.match(/<svg /g) ?? []).length).toBe(1);
  });

  it('edges start and end at the node boxes, not their centres', () => {
    const a = graph.nodes[0];
    if (a === undefined) throw new Error('node');
    const down = boxExit(a, { x: 0, y: 100 });
    expect(down.x).toBe(0);
    expect(down.y).toBeCloseTo(14);
    const right = boxExit(a, { x: 500, y: 0 });
    expect(right.x).toBeCloseTo(52);
    expect(right.y).toBe(0);
  });

  it('renders a real frame from the canvas element definitions and a layout', () => {
    const trace = demoTrace();
    const model = buildGraphModel(trace, buildDependencyIndex(trace));
    const index = trace.records.length - 1;
    const elements = toElements(model, { statuses: createSeeker(trace).atIndex(index), files: filesAtIndex(trace, index) }, { selected: model.nodes[0]?.id ?? '' });
    const pos = simpleLayout(model);
    const g = svgGraphFrom(elements, (id) => pos.get(id));
    expect(g.nodes).toHaveLength(model.nodes.length);
    expect(g.edges).toHaveLength(model.edges.length);
    expect(g.nodes.filter((n) => n.selected === true)).toHaveLength(1);
    const svg = graphToSvg(g);
    expect((svg.match(/<g><title>/g) ?? []).length).toBe(model.nodes.length);
    expect(graphToSvg(g)).toBe(svg);
  });
});
