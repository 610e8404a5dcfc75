import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { createSeeker } from '../engine/index.ts';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { demoTrace, failingTrace } from '../testing/fixtures.ts';
import { PALETTES, contrastRatio } from '../theme/palette.ts';
import { VISUAL_STATES } from '../selectors/visual-state.ts';
import { collapseModel, GROUP_PREFIX, milestoneStages } from './collapse.ts';
import { diffElements, isEmptyDiff } from './diff.ts';
import { focusSet, pathMarks } from './focus.ts';
import { elkGraph, positionsFromElk } from './layout-elk.ts';
import { LayoutService } from './layout-service.ts';
import { chooseDirection, layers, simpleLayout } from './layout-simple.ts';
import { buildGraphModel, categoryOf, CHAR_WIDTH, NODE_HEIGHT, nodeWidth, structureKey, type GraphModel } from './model.ts';
import { graphStylesheet, STATE_SHAPE } from './stylesheet.ts';
import { toElements, type ElementDef } from './to-elements.ts';

function frameAt(trace = failingTrace(), t = trace.endTime) {
  const seeker = createSeeker(trace);
  return { statuses: seeker.atTime(t), files: seeker.filesAtTime(t) };
}

function failingModel(): GraphModel {
  const trace = failingTrace();
  return buildGraphModel(trace, buildDependencyIndex(trace));
}

describe('graph model', () => {
  it('has one node per instance plus file and absent targets, and one edge per dependency', () => {
    const m = failingModel();
    expect(m.nodes.filter((n) => n.kind === 'instance')).toHaveLength(6);
    expect(m.nodes.find((n) => n.kind === 'file')?.id).toBe('file://localhost/dev/ipmpstub');
    expect(m.edges.map((e) => `${e.source}>${e.target}:${e.grouping}`).sort()).toEqual([
      'svc:/site/app:default>svc:/site/db:default:require_all',
      'svc:/site/db:default>svc:/site/net:default:require_all',
      'svc:/site/ipmp:default>file://localhost/dev/ipmpstub:require_all',
      'svc:/site/legacy:default>svc:/site/web:default:exclude_all',
      'svc:/site/web:default>svc:/site/app:default:optional_all',
      'svc:/site/web:default>svc:/site/net:default:require_any',
    ]);
  });

  it('keys the structure, not the states', () => {
    const a = failingModel();
    const b = failingModel();
    expect(a.key).toBe(b.key);
    expect(structureKey(a.nodes.slice(1), a.edges)).not.toBe(a.key);
    expect(nodeWidth('network/physical:default')).toBeGreaterThan(nodeWidth('site/db:default'));
    expect(categoryOf('svc:/system/filesystem/local:default')).toBe('system/filesystem');
    expect(categoryOf('svc:/network/physical:default')).toBe('network');
    expect(categoryOf('svc:/milestone/single-user:default')).toBe('milestone');
  });
});

describe('toElements', () => {
  it('encodes state as classes and a glyph, and edge grouping as a class', () => {
    const els = toElements(failingModel(), frameAt());
    const byId = new Map(els.map((e) => [e.data.id, e]));
    expect(byId.get('svc:/site/db:default')?.classes).toContain('s-maintenance');
    expect(byId.get('svc:/site/db:default')?.data['label']).toBe('✕ site/db');
    expect(byId.get('svc:/site/net:default')?.classes).toContain('s-online');
    expect(byId.get('svc:/site/app:default')?.classes).toContain('s-offline');
    expect(byId.get('file://localhost/dev/ipmpstub')?.classes).toContain('s-file-missing');
    const ex = els.find((e) => e.group === 'edges' && e.data['grouping'] === 'exclude_all');
    expect(ex?.classes).toContain('g-exclude_all');
    expect(String(ex?.data['title'])).toContain('exclude_all, restart_on none');
  });

  it('marks running methods, selection, focus and search', () => {
    const trace = demoTrace();
    const model = buildGraphModel(trace, buildDependencyIndex(trace));
    const els = toElements(model, frameAt(trace, 5500), {
      selected: 'svc:/site/db:default',
      focus: new Set(['svc:/site/db:default']),
    });
    const db = els.find((e) => e.data.id === 'svc:/site/db:default');
    expect(db?.classes.split(' ')).toEqual(expect.arrayContaining(['s-starting', 'running', 'selected', 'hl']));
    const net = els.find((e) => e.data.id === 'svc:/site/net:default');
    expect(net?.classes).toContain('dim');
    const searched = toElements(model, frameAt(trace, 5500), { matches: new Set(['svc:/site/net:default']) });
    expect(searched.find((e) => e.data.id === 'svc:/site/net:default')?.classes).toContain('match');
    // Issue 12: a search marks its matches and dims nothing, so every label stays readable in context.
    expect(searched.find((e) => e.data.id === 'svc:/site/db:default')?.classes).not.toContain('dim');
    expect(searched.some((e) => e.classes.split(' ').includes('dim'))).toBe(false);
  });
});

describe('diffElements', () => {
  const a: ElementDef[] = [
    { group: 'nodes', data: { id: 'x', label: 'x' }, classes: 's-offline' },
    { group: 'nodes', data: { id: 'y', label: 'y' }, classes: 's-offline' },
    { group: 'edges', data: { id: 'e', source: 'x', target: 'y' }, classes: 'g-require_all' },
  ];

  it('is empty for identical lists', () => {
    expect(isEmptyDiff(diffElements(a, a))).toBe(true);
  });

  it('finds additions, removals, class and data changes', () => {
    const b: ElementDef[] = [
      { group: 'nodes', data: { id: 'x', label: 'x2' }, classes: 's-offline' },
      { group: 'nodes', data: { id: 'y', label: 'y' }, classes: 's-online' },
      { group: 'nodes', data: { id: 'z', label: 'z' }, classes: 's-online' },
    ];
    const d = diffElements(a, b);
    expect(d.remove).toEqual(['e']);
    expect(d.add.map((e) => e.data.id)).toEqual(['z']);
    expect(d.update).toEqual([
      { id: 'x', data: { label: 'x2' } },
      { id: 'y', classes: 's-online' },
    ]);
  });

  it('re-adds an edge whose endpoints changed', () => {
    const b: ElementDef[] = [...a.slice(0, 2), { group: 'edges', data: { id: 'e', source: 'y', target: 'x' }, classes: 'g-require_all' }];
    const d = diffElements(a, b);
    expect(d.remove).toEqual(['e']);
    expect(d.add.map((e) => e.data.id)).toEqual(['e']);
  });

  it('only touches the nodes whose state changed between two instants', () => {
    const trace = demoTrace();
    const model = buildGraphModel(trace, buildDependencyIndex(trace));
    const before = toElements(model, frameAt(trace, 5000));
    const after = toElements(model, frameAt(trace, 5020));
    const d = diffElements(before, after);
    expect(d.add).toHaveLength(0);
    expect(d.remove).toHaveLength(0);
    expect(d.update.map((u) => u.id).sort()).toEqual(['svc:/site/app:default', 'svc:/site/cache:default', 'svc:/site/db:default']);
  });
});

describe('stylesheet and palette', () => {
  it('gives every state a distinct shape/border encoding', () => {
    const enc = new Set(VISUAL_STATES.map((s) => `${STATE_SHAPE[s].shape}/${STATE_SHAPE[s].border}/${STATE_SHAPE[s].width}`));
    expect(enc.size).toBe(VISUAL_STATES.length);
  });

  it('styles every state, grouping and mark in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const sheet = graphStylesheet({ theme });
      const selectors = sheet.map((b) => b.selector);
      for (const s of VISUAL_STATES) expect(selectors).toContain(`node.s-${s}`);
      for (const g of ['require_all', 'require_any', 'optional_all', 'exclude_all']) expect(selectors).toContain(`edge.g-${g}`);
      for (const m of ['node.dim', 'edge.hl', 'node.selected', 'node.running', 'node.chain', 'node.s-file-missing']) expect(selectors).toContain(m);
      const ex = sheet.find((b) => b.selector === 'edge.g-exclude_all');
      expect(ex !== undefined && 'style' in ex ? ex.style : {}).toMatchObject({ 'target-arrow-shape': 'tee' });
    }
    expect(graphStylesheet({ theme: 'light', reducedMotion: true })[0]).not.toHaveProperty('style.transition-duration');
    const noArrows = graphStylesheet({ theme: 'light', arrows: false });
    expect(noArrows.some((b) => b.selector === 'edge[grouping != "exclude_all"]')).toBe(true);
  });

  it('draws a file as a shape its label fits inside (one 11 px line in a node as wide as nodeWidth says)', () => {
    const rule = graphStylesheet({ theme: 'light' }).find((b) => b.selector === 'node.s-file-present, node.s-file-missing');
    const style = rule !== undefined && 'style' in rule ? (rule.style as Record<string, unknown>) : {};
    expect(style['shape']).toBe('polygon');
    const pts = String(style['shape-polygon-points']).split(' ').map(Number);
    const corners = Array.from({ length: pts.length / 2 }, (_, k) => ({ x: pts[2 * k] ?? NaN, y: pts[2 * k + 1] ?? NaN }));
    // The polygon's left and right edges at height y (-1 top … 1 bottom), in the node's half-widths.
    const across = (y: number): { left: number; right: number } => {
      const xs: number[] = [];
      corners.forEach((a, k) => {
        const b = corners[(k + 1) % corners.length];
        if (b === undefined || a.y === b.y || y < Math.min(a.y, b.y) || y > Math.max(a.y, b.y)) return;
        xs.push(a.x + ((y - a.y) / (b.y - a.y)) * (b.x - a.x));
      });
      return { left: Math.min(...xs), right: Math.max(...xs) };
    };
    // The text's top and bottom (11 px × line height 1.35, centred in NODE_HEIGHT).
    const half = (11 * 1.35) / 2 / (NODE_HEIGHT / 2);
    const room = Math.min(...[-half, half].map((y) => Math.min(-across(y).left, across(y).right)));
    for (const label of ['/etc/a', '/etc/mail/site.cf', '/dev/ipmpstub', '/var/svc/manifest/site/some-long-name.xml']) {
      const w = nodeWidth(label);
      expect(label.length * CHAR_WIDTH, label).toBeLessThanOrEqual(room * w);
    }
  });

  it('keeps node text readable on its fill (WCAG AA for 11px text)', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const s of VISUAL_STATES) {
        const c = PALETTES[theme].states[s];
        expect(contrastRatio(c.text, c.fill), `${theme} ${s}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('layouts', () => {
  it('puts every dependency (and every excluded service) above its dependent in the simple layout', () => {
    const m = failingModel();
    const pos = simpleLayout(m);
    expect(pos.size).toBe(m.nodes.length);
    for (const e of m.edges) {
      expect((pos.get(e.target)?.y ?? 0) < (pos.get(e.source)?.y ?? 0), e.id).toBe(true);
    }
  });

  it('lays long chains out to the right and wide layers downward', () => {
    const node = (id: string) => ({ id, kind: 'instance' as const, label: id, title: id, category: 'x', width: 40, height: 26 });
    const edge = (a: string, b: string) => ({ id: `${a}>${b}`, source: a, target: b, grouping: 'require_all' as const, restartOn: 'none' as const, group: 'g' });
    const chain: GraphModel = { key: 'chain', nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map(node), edges: [edge('b', 'a'), edge('c', 'b'), edge('d', 'c'), edge('e', 'd'), edge('f', 'e')] };
    expect(chooseDirection(chain)).toBe('RIGHT');
    const wide: GraphModel = { key: 'wide', nodes: ['r', ...'abcdefghij'.split('')].map(node), edges: 'abcdefghij'.split('').map((x) => edge(x, 'r')) };
    expect(chooseDirection(wide)).toBe('DOWN');
    const pos = simpleLayout(chain, { direction: 'RIGHT' });
    expect((pos.get('a')?.x ?? 0) < (pos.get('b')?.x ?? 0)).toBe(true);
  });

  it('breaks cycles instead of looping', () => {
    const m: GraphModel = {
      key: 'cycle',
      nodes: ['a', 'b', 'c'].map((id) => ({ id, kind: 'instance', label: id, title: id, category: 'x', width: 50, height: 26 })),
      edges: [
        { id: '1', source: 'a', target: 'b', grouping: 'require_all', restartOn: 'none', group: 'g' },
        { id: '2', source: 'b', target: 'c', grouping: 'require_all', restartOn: 'none', group: 'g' },
        { id: '3', source: 'c', target: 'a', grouping: 'require_all', restartOn: 'none', group: 'g' },
      ],
    };
    expect([...layers(m).values()].sort()).toEqual([0, 1, 2]);
  });

  it('feeds ELK edges from dependency to dependent', async () => {
    const m = failingModel();
    const g = elkGraph(m);
    expect(g.edges?.some((e) => e.sources[0] === 'svc:/site/net:default' && e.targets[0] === 'svc:/site/db:default')).toBe(true);
    expect(g.edges?.length).toBe(m.edges.length);
    const elk = new ELK();
    const pos = positionsFromElk(await elk.layout(g));
    for (const e of m.edges) {
      expect((pos.get(e.target)?.y ?? 0) < (pos.get(e.source)?.y ?? 0), e.id).toBe(true);
    }
  });

  it('caches by structure, shares in-flight work, and falls back when the engine fails', async () => {
    const m = failingModel();
    let calls = 0;
    const ok = new LayoutService({ engine: async (model) => { calls++; return simpleLayout(model); } });
    const [r1, r2] = await Promise.all([ok.layout(m), ok.layout(m)]);
    expect(calls).toBe(1);
    expect(r1.source).toBe('elk');
    expect(r2).toBe(r1);
    const r3 = await ok.layout(m);
    expect(r3.cached).toBe(true);
    expect(calls).toBe(1);
    const broken = new LayoutService({ engine: () => Promise.reject(new Error('worker died')) });
    const r4 = await broken.layout(m);
    expect(r4.source).toBe('fallback');
    expect(r4.error).toBe('worker died');
    expect(r4.positions.size).toBe(m.nodes.length);
    const slow = new LayoutService({ engine: () => new Promise(() => undefined), timeoutMs: 20 });
    expect((await slow.layout(m)).source).toBe('fallback');
  });
});

describe('collapse and focus', () => {
  it('collapses by category, merging edges and keeping milestones', () => {
    const trace = failingTrace();
    const index = buildDependencyIndex(trace);
    const m = buildGraphModel(trace, index);
    const c = collapseModel(m, index, 'category');
    const group = c.nodes.find((n) => n.id === `${GROUP_PREFIX}site`);
    expect(group?.members).toHaveLength(6);
    expect(c.shownAs.get('svc:/site/db:default')).toBe(`${GROUP_PREFIX}site`);
    // Every edge inside one group disappears; the file edge remains.
    expect(c.edges.map((e) => `${e.source}>${e.target}`)).toEqual([`${GROUP_PREFIX}site>file://localhost/dev/ipmpstub`]);
    const els = toElements(c, frameAt(trace));
    expect(els.find((e) => e.data.id === `${GROUP_PREFIX}site`)?.classes).toContain('s-maintenance');
    expect(String(els.find((e) => e.data.id === `${GROUP_PREFIX}site`)?.data['label'])).toBe('✕ site/\n6 · 2 online, 3 offline,\n1 maintenance');
    expect(collapseModel(m, index, 'none').nodes).toBe(m.nodes);
  });

  it('"active services" hides quiet instances only in a graph too big to read whole', () => {
    const trace = failingTrace();
    const index = buildDependencyIndex(trace);
    const m = buildGraphModel(trace, index);
    const quiet = new Set([trace.instances[0]?.fmri ?? '']);
    // failingTrace has six instances: small enough to show whole.
    expect(collapseModel(m, index, 'active', quiet).nodes.map((n) => n.id)).toEqual(m.nodes.map((n) => n.id));
    const big = { ...m, nodes: [...m.nodes, ...Array.from({ length: 12 }, (_, i) => ({ ...m.nodes[0], id: `svc:/pad/p${i}:default` }) as (typeof m.nodes)[number])] };
    expect(collapseModel(big, index, 'active', quiet).nodes.some((n) => quiet.has(n.id))).toBe(false);
  });

  it('assigns instances to the earliest milestone that needs them', () => {
    const trace = failingTrace();
    const index = buildDependencyIndex(trace);
    const m = buildGraphModel(trace, index);
    expect([...milestoneStages(m, index).values()].every((v) => v === '')).toBe(true);
  });

  it('highlights dependencies, dependents and paths', () => {
    const trace = failingTrace();
    const index = buildDependencyIndex(trace);
    const m = buildGraphModel(trace, index);
    const shownAs = new Map(m.nodes.map((n) => [n.id, n.id]));
    const deps = focusSet({ model: m, shownAs, index, selected: 'svc:/site/app:default', mode: 'dependencies' });
    expect(deps?.has('svc:/site/net:default')).toBe(true);
    expect(deps?.has('svc:/site/web:default')).toBe(false);
    expect(deps?.has('svc:/site/app:default>svc:/site/db:default#db')).toBe(true);
    const dependents = focusSet({ model: m, shownAs, index, selected: 'svc:/site/db:default', mode: 'dependents' });
    expect([...(dependents ?? [])].filter((x) => !x.includes('>')).sort()).toEqual(['svc:/site/app:default', 'svc:/site/db:default', 'svc:/site/web:default']);
    const cause = pathMarks(m, shownAs, [['svc:/site/app:default', 'svc:/site/db:default']]);
    expect(cause.has('svc:/site/app:default>svc:/site/db:default#db')).toBe(true);
    expect(focusSet({ model: m, shownAs, index, selected: 'svc:/site/db:default', mode: 'none' })).toBeUndefined();
  });
});
