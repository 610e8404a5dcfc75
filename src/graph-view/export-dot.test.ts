import { describe, expect, it } from 'vitest';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { demoTrace } from '../testing/fixtures.ts';
import { dotString, graphToDot } from './export-dot.ts';
import { buildGraphModel, type GraphEdge, type GraphModel, type GraphNode } from './model.ts';

const node = (id: string, kind: GraphNode['kind'] = 'instance', title = id): GraphNode => ({ id, kind, label: id.replace(/^svc:\//, ''), title, category: 'x', width: 80, height: 24 });
const edge = (source: string, target: string, grouping: GraphEdge['grouping'], restartOn: GraphEdge['restartOn'] = 'none', extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id: `${source}>${target}#g`,
  source,
  target,
  grouping,
  restartOn,
  group: 'g',
  ...extra,
});

const model: GraphModel = {
  nodes: [node('svc:/a:default'), node('svc:/b:default'), node('svc:/gone', 'stub'), node('file://localhost/etc/x', 'file'), node('svc:/r:default')],
  edges: [
    edge('svc:/b:default', 'svc:/a:default', 'require_all', 'error'),
    edge('svc:/b:default', 'svc:/gone', 'require_any'),
    edge('svc:/a:default', 'file://localhost/etc/x', 'optional_all'),
    edge('svc:/a:default', 'svc:/r:default', 'exclude_all', 'restart'),
    edge('svc:/b:default', 'svc:/r:default', 'require_all', 'none', { restarter: true }),
  ],
  key: 'k',
};

const lineFor = (dot: string, from: string, to: string): string => dot.split('\n').find((l) => l.includes(`"${from}" -> "${to}"`)) ?? '';

describe('Graphviz dot export', () => {
  it('draws each grouping with its line style', () => {
    const dot = graphToDot(model, { title: 'x' });
    expect(dot.startsWith('// ')).toBe(true);
    expect(dot).toContain('digraph bootgraph {');
    expect(dot.trimEnd().endsWith('}')).toBe(true);
    expect(lineFor(dot, 'svc:/b:default', 'svc:/a:default')).toContain('style=bold');
    expect(lineFor(dot, 'svc:/b:default', 'svc:/gone')).toContain('style=solid');
    expect(lineFor(dot, 'svc:/b:default', 'svc:/gone')).not.toContain('bold');
    expect(lineFor(dot, 'svc:/a:default', 'file://localhost/etc/x')).toContain('style=dashed');
    const ex = lineFor(dot, 'svc:/a:default', 'svc:/r:default');
    expect(ex).toContain('arrowhead=tee');
    expect(ex).toMatch(/color="#[0-9a-f]{6}"/);
  });

  it('puts restart_on in the tooltip, and as a label when it is not none', () => {
    const dot = graphToDot(model);
    const l = lineFor(dot, 'svc:/b:default', 'svc:/a:default');
    expect(l).toContain('tooltip="require_all, restart_on error');
    expect(l).toContain('label="restart_on error"');
    expect(lineFor(dot, 'svc:/b:default', 'svc:/gone')).not.toContain('label=');
  });

  it('marks absent services, files and the delegated restarter', () => {
    const dot = graphToDot(model);
    expect(dot.split('\n').find((l) => l.startsWith('  "svc:/gone" ['))).toContain('dashed');
    expect(dot.split('\n').find((l) => l.startsWith('  "file://localhost/etc/x" ['))).toContain('shape=note');
    expect(lineFor(dot, 'svc:/b:default', 'svc:/r:default')).toContain('style=dotted');
  });

  it('escapes quotes, backslashes, line breaks and markup stays plain text', () => {
    expect(dotString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c\\nd"');
    const hostile: GraphModel = { nodes: [node('svc:/x:default', 'instance', 'svc:/x:default (<img src=x onerror=alert(1)> "q")')], edges: [], key: 'h' };
    const dot = graphToDot(hostile, { title: '<b>"x"</b>' });
    expect(dot).toContain('tooltip="svc:/x:default (<img src=x onerror=alert(1)> \\"q\\")"');
    expect(dot).toContain('label="<b>\\"x\\"</b>"');
    // Never an HTML-like label (<...> instead of "...").
    expect(dot).not.toMatch(/label=</);
  });

  it('covers every node and edge of a real trace, deterministically', () => {
    const trace = demoTrace();
    const m = buildGraphModel(trace, buildDependencyIndex(trace));
    const dot = graphToDot(m);
    expect(dot.split('\n').filter((l) => l.includes(' -> ')).length).toBe(m.edges.length);
    for (const n of m.nodes) expect(dot).toContain(`  "${n.id}" [`);
    expect(graphToDot(m)).toBe(dot);
  });
});
