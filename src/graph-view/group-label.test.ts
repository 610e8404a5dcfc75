/**
 * A group's state summary never runs past its box (issue 12 leftover): on
 * the canvas and in the SVG export (and so on paper, with whatever monospace
 * the printer falls back to), its lines are at most SUMMARY_CHARS characters
 * and at most SUMMARY_LINES of them; a summary too long for that is cut
 * after its last whole count with "…", and the tooltip starts with all of it.
 */
import { describe, expect, it } from 'vitest';
import type { InstanceStatus } from '../engine/index.ts';
import type { InstanceState, NextState } from '../model/smf/states.ts';
import { regroup, SUMMARY_CHARS, SUMMARY_LINES } from './collapse.ts';
import { graphToSvg, svgGraphFrom } from './export-svg.ts';
import { CHAR_WIDTH, NODE_HEIGHT, structureKey, type GraphModel, type GraphNode } from './model.ts';
import { fitSummary, groupSummary, toElements } from './to-elements.ts';

function status(state: InstanceState, next: NextState = 'none', present = true): InstanceStatus {
  return { state, next, aux: 'none', since: 0, enabled: true, temporary: false, configured: true, present };
}

/** A group of 1,234 services in every state a group can count: the longest summary there is. */
function everyState() {
  const kinds: [InstanceStatus | undefined, number][] = [
    [status('online'), 400],
    [status('degraded'), 12],
    [status('offline', 'online'), 31],
    [status('online', 'offline'), 7],
    [status('offline'), 250],
    [status('maintenance'), 99],
    [status('disabled'), 300],
    [status('uninitialized'), 100],
    [undefined, 35],
  ];
  const statuses = new Map<string, InstanceStatus>();
  const nodes: GraphNode[] = [];
  let k = 0;
  for (const [s, n] of kinds) {
    for (let i = 0; i < n; i++, k++) {
      const id = `svc:/site/s${k}:default`;
      if (s !== undefined) statuses.set(id, s);
      nodes.push({ id, kind: 'instance', label: `site/s${k}`, title: id, category: 'site', width: 80, height: NODE_HEIGHT });
    }
  }
  const model: GraphModel = { nodes, edges: [], key: structureKey(nodes, []) };
  const grouped = regroup(model, () => 'site', () => 'needed by multi-user-server');
  return { grouped, frame: { statuses, files: new Set<string>() } };
}

describe('a group’s summary fits its box (to-elements.ts fitSummary)', () => {
  it('keeps a short summary whole, on one line', () => {
    expect(fitSummary('39 · 19 online, 2 disabled')).toEqual(['39 · 19 online, 2 disabled']);
  });

  it('wraps between counts, never inside one', () => {
    expect(fitSummary('120 · 40 online, 30 offline, 20 disabled')).toEqual(['120 · 40 online,', '30 offline, 20 disabled']);
  });

  it('cuts a summary longer than its lines after the last whole count, with "…"', () => {
    const { grouped, frame } = everyState();
    const group = grouped.nodes.find((n) => n.kind === 'group');
    const summary = groupSummary(group?.members ?? [], frame);
    expect(summary.length).toBeGreaterThan(SUMMARY_CHARS * SUMMARY_LINES);
    const lines = fitSummary(summary);
    expect(lines).toHaveLength(SUMMARY_LINES);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(SUMMARY_CHARS);
    expect(lines[SUMMARY_LINES - 1]).toMatch(/, …$/);
    // What is shown is the summary's beginning, word for word.
    expect(summary.startsWith(lines.join(' ').replace(/ …$/, ''))).toBe(true);
  });

  it('on the canvas and in the SVG export every line of the label fits the box; the tooltip has the whole summary', () => {
    const { grouped, frame } = everyState();
    const elements = toElements(grouped, frame);
    const group = elements.find((e) => e.data.id.startsWith('group:'));
    const summary = groupSummary(grouped.nodes.find((n) => n.kind === 'group')?.members ?? [], frame);
    expect(String(group?.data['title']).split('\n')[0]).toBe(summary);
    const width = Number(group?.data['w']);
    const height = Number(group?.data['h']);
    const lines = String(group?.data['label']).split('\n');
    expect(lines.length * 11 * 1.3, 'the lines fit the box’s height').toBeLessThanOrEqual(height);
    const svg = graphToSvg(svgGraphFrom(elements, () => ({ x: 0, y: 0 })));
    const at = svg.indexOf('needed by multi-user-server</tspan>');
    const groupSvg = svg.slice(svg.lastIndexOf('<g><title>', at), svg.indexOf('</g>', at));
    const spans = [...groupSvg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
    expect(spans).toEqual(lines);
    // Each line at the label font's measured character width (and at 0.6 em, a wide fallback monospace) inside the box.
    for (const l of spans) expect(Math.max(CHAR_WIDTH, 0.6 * 11) * [...l].length, l).toBeLessThanOrEqual(width);
  });
});
