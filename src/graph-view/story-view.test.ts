/**
 * Issue 12: the story view. Which services are drawn as themselves (the
 * failed ones, their causes and chain, the milestones), which are summarised
 * in groups (by milestone stage, else by FMRI category) and what each group's
 * state summary says.
 */
import { describe, expect, it } from 'vitest';
import { createSeeker } from '../engine/index.ts';
import { dep, run, svc } from '../engine/testing/scenario-builder.ts';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { collapseModel, GROUP_PREFIX, STORY_GROUPS_MIN_NODES, storyGroupName } from './collapse.ts';
import { elkGraph, positionsFromElk } from './layout-elk.ts';
import { buildGraphModel, placedIds } from './model.ts';
import { storyOf } from './story.ts';
import { GraphAdapter } from './graph-adapter.ts';
import { graphStylesheet } from './stylesheet.ts';
import { groupSummary, groupTitleId, toElements } from './to-elements.ts';
import ELK from 'elkjs/lib/elk.bundled.js';

const MS = (m: string) => `svc:/milestone/${m}:default`;
const I = (s: string) => `svc:/${s}:default`;

/**
 * Two milestones; single-user needs three fs services and net; multi-user
 * needs single-user, an app (that fails) and a web front end waiting for it;
 * two services no milestone needs: a disabled one and a tool.
 */
function boot() {
  return run([
    svc('svc:/system/fs/root', { start: { duration: 10 } }),
    svc('svc:/system/fs/usr', { dependencies: [dep('root', 'require_all', ['svc:/system/fs/root'])], start: { duration: 10 } }),
    svc('svc:/system/fs/local', { dependencies: [dep('usr', 'require_all', ['svc:/system/fs/usr'])], start: { duration: 10 } }),
    svc('svc:/network/net', { start: { duration: 10 } }),
    svc('svc:/milestone/single-user', { dependencies: [dep('fs', 'require_all', ['svc:/system/fs/local']), dep('net', 'require_all', ['svc:/network/net'])] }),
    svc('svc:/site/app', { dependencies: [dep('su', 'require_all', [MS('single-user')])], start: { duration: 20, exit: 1 } }),
    svc('svc:/site/web', { dependencies: [dep('app', 'require_all', ['svc:/site/app'])], start: { duration: 10 } }),
    svc('svc:/site/cron', { dependencies: [dep('su', 'require_all', [MS('single-user')])], start: { duration: 10 } }),
    svc('svc:/milestone/multi-user', { dependencies: [dep('su', 'require_all', [MS('single-user')]), dep('web', 'require_all', ['svc:/site/web']), dep('cron', 'require_all', ['svc:/site/cron'])] }),
    svc('svc:/network/tool', { start: { duration: 10 } }),
    svc('svc:/network/off', { instances: { default: { enabled: false } } }),
    // Enough other services for the graph to need summarising (STORY_GROUPS_MIN_NODES).
    ...Array.from({ length: 20 }, (_, k) => svc(`svc:/application/extra${k}`, { instances: { default: { enabled: false } } })),
  ]);
}

function storyView(expanded: readonly string[] = []) {
  const trace = boot();
  const index = buildDependencyIndex(trace);
  const model = buildGraphModel(trace, index);
  const story = storyOf(trace);
  return { trace, story, view: collapseModel(model, index, 'story', new Set(), { story: story.all, expanded: new Set(expanded) }) };
}

describe('the story of a boot (story.ts)', () => {
  it('names the failed service, the chain from the milestone that waits for it, and every milestone', () => {
    const { story } = storyView();
    expect([...story.failed]).toEqual([I('site/app')]);
    expect([...story.chain]).toEqual([I('site/web')]);
    expect([...story.milestones].sort()).toEqual([MS('multi-user'), MS('single-user')]);
    // Priority for the camera: failed and causes first, then the chain, then the milestones.
    expect(story.priority.slice(0, 2)).toEqual([I('site/app'), I('site/web')]);
  });

  it('counts a service knocked back to offline by a restarting dependency (restart_on)', () => {
    const trace = run(
      [
        svc('svc:/site/db', { start: { duration: 10 } }),
        svc('svc:/site/app', { dependencies: [dep('db', 'require_all', ['svc:/site/db'], 'restart')], start: { duration: 10 } }),
      ],
      { actions: [{ at: 500, run: 'svcadm restart svc:/site/db:default' }] },
    );
    expect(storyOf(trace).failed.has(I('site/app'))).toBe(true);
    expect(storyOf(run([svc('svc:/site/db', { start: { duration: 10 } })])).all.size).toBe(0);
  });
});

describe('the story view groups everything else (collapse.ts)', () => {
  it('draws the story as itself and summarises the rest by milestone stage, else by category', () => {
    const { view } = storyView();
    const shown = (id: string) => view.shownAs.get(id);
    for (const id of [I('site/app'), I('site/web'), MS('single-user'), MS('multi-user')]) expect(shown(id)).toBe(id);
    const su = `${GROUP_PREFIX}stage:${MS('single-user')}`;
    for (const id of [I('system/fs/root'), I('system/fs/usr'), I('system/fs/local'), I('network/net')]) expect(shown(id)).toBe(su);
    // cron is the only other service multi-user needs: a group of one stays itself.
    expect(shown(I('site/cron'))).toBe(I('site/cron'));
    // No milestone needs these: grouped by the first component of the FMRI.
    expect(shown(I('network/tool'))).toBe(`${GROUP_PREFIX}other:network`);
    expect(shown(I('network/off'))).toBe(`${GROUP_PREFIX}other:network`);
    expect(view.nodes.find((n) => n.id === su)?.label).toBe('needed by single-user');
    expect(storyGroupName('other:network')).toBe('other network/*');
    expect(view.nodes.find((n) => n.id === `${GROUP_PREFIX}other:application`)?.members).toHaveLength(20);
    // Every instance is drawn as itself or by exactly one group.
    const ids = new Set(view.nodes.map((n) => n.id));
    for (const [id, as] of view.shownAs) expect(ids.has(as), id).toBe(true);
  });

  it('groups nothing in a graph small enough to read whole', () => {
    const trace = run([svc('svc:/site/a', { start: { duration: 1 } }), svc('svc:/site/b', { start: { duration: 1 } }), svc('svc:/network/c', { start: { duration: 1 } })]);
    const index = buildDependencyIndex(trace);
    const model = buildGraphModel(trace, index);
    expect(model.nodes.length).toBeLessThan(STORY_GROUPS_MIN_NODES);
    const v = collapseModel(model, index, 'story', new Set(), { story: new Set(), expanded: new Set() });
    expect(v.nodes.map((n) => n.id)).toEqual(model.nodes.map((n) => n.id));
  });

  it('does not join two closed groups, and leaves a group\'s own dependencies out of the layout', () => {
    const { view } = storyView();
    const closed = new Set(view.nodes.filter((n) => n.kind === 'group' && n.expanded !== true).map((n) => n.id));
    expect(view.edges.some((e) => closed.has(e.source) && closed.has(e.target))).toBe(false);
    const fromGroup = view.edges.filter((e) => closed.has(e.source));
    expect(fromGroup.every((e) => e.loose === true)).toBe(true);
    expect(view.edges.filter((e) => !closed.has(e.source)).some((e) => e.loose === true)).toBe(false);
  });

  it('summarises each group\'s states at the playhead in svcs words', () => {
    const { trace, view } = storyView();
    const seeker = createSeeker(trace);
    const end = { statuses: seeker.atIndex(trace.records.length - 1), files: seeker.filesAtTime(trace.endTime) };
    const su = view.nodes.find((n) => n.id === `${GROUP_PREFIX}stage:${MS('single-user')}`);
    expect(groupSummary(su?.members ?? [], end)).toBe('4 · 4 online');
    const other = view.nodes.find((n) => n.id === `${GROUP_PREFIX}other:network`);
    expect(groupSummary(other?.members ?? [], end)).toBe('2 · 1 online, 1 disabled');
    const start = { statuses: seeker.atIndex(-1), files: seeker.filesAtTime(0) };
    expect(groupSummary(su?.members ?? [], start)).toMatch(/^4 · /);
    const el = toElements(view, end).find((e) => e.data.id === other?.id);
    expect(el?.data['label']).toBe('● other network/*\n2 · 1 online, 1 disabled');
    expect(groupSummary(['file://localhost/etc/a', 'file://localhost/etc/b'], { statuses: new Map(), files: new Set(['/etc/a']) })).toBe('2 files · 1 missing');
    // A group's state is its services' worst; a file it holds does not make it look online.
    const mixed = { ...view, nodes: [{ id: 'g', kind: 'group' as const, label: 'g', title: '', category: 'g', width: 100, height: 40, members: ['file://localhost/etc/a', I('network/off')] }], edges: [] };
    expect(toElements(mixed, end)[0]?.classes).toContain('s-disabled');
  });

  it('opens a group as a compound node around its members, laid out inside it', async () => {
    const su = `${GROUP_PREFIX}stage:${MS('single-user')}`;
    const { view } = storyView([su]);
    const group = view.nodes.find((n) => n.id === su);
    expect(group?.expanded).toBe(true);
    const members = view.nodes.filter((n) => n.parent === su).map((n) => n.id).sort();
    expect(members).toEqual([I('network/net'), I('system/fs/local'), I('system/fs/root'), I('system/fs/usr')]);
    expect(view.shownAs.get(I('system/fs/usr'))).toBe(I('system/fs/usr'));
    expect(placedIds(view)).not.toContain(su);
    expect(view.key).not.toBe(storyView().view.key);
    const positions = positionsFromElk(await new ELK().layout(elkGraph(view)));
    // Every placed node has a position; the members sit together (inside the compound's box).
    expect(placedIds(view).every((id) => positions.has(id))).toBe(true);
    const xs = members.map((id) => positions.get(id)?.x ?? NaN);
    const outside = placedIds(view).filter((id) => !members.includes(id)).map((id) => positions.get(id));
    const box = { x0: Math.min(...xs) - 80, x1: Math.max(...xs) + 80, y0: Math.min(...members.map((id) => positions.get(id)?.y ?? NaN)) - 10, y1: Math.max(...members.map((id) => positions.get(id)?.y ?? NaN)) + 10 };
    expect(outside.filter((p) => p !== undefined && p.x > box.x0 + 90 && p.x < box.x1 - 90 && p.y > box.y0 && p.y < box.y1)).toEqual([]);
  });

  it('draws an open group\'s title as a node of the group above its members (edges pass under a node, not over it), clear of every other node', async () => {
    const su = `${GROUP_PREFIX}stage:${MS('single-user')}`;
    const { view, trace } = storyView([su]);
    const seeker = createSeeker(trace);
    const end = { statuses: seeker.atIndex(trace.records.length - 1), files: seeker.filesAtTime(trace.endTime) };
    const elements = toElements(view, end);
    const title = elements.find((e) => e.data.id === groupTitleId(su));
    const group = elements.find((e) => e.data.id === su);
    expect(title?.data['parent']).toBe(su);
    expect(title?.data['label']).toBe(group?.data['label']);
    expect(title?.classes).toContain('group-title');
    expect(title?.classes).not.toContain('expanded');
    // Selected, the group's outline goes round the whole box: the title has none of its own.
    const picked = toElements(view, end, { selected: su });
    expect(picked.find((e) => e.data.id === su)?.classes).toContain('selected');
    expect(picked.find((e) => e.data.id === groupTitleId(su))?.classes).not.toContain('selected');
    // Closed, a group has no title node.
    expect(toElements(storyView().view, end).some((e) => e.data['titleOf'] !== undefined)).toBe(false);
    const positions = positionsFromElk(await new ELK().layout(elkGraph(view)));
    const a = new GraphAdapter({ style: graphStylesheet({ theme: 'light' }) });
    a.apply(elements);
    a.setPositions(positions);
    const t = a.positionOf(groupTitleId(su));
    const tw = Number(title?.data['w']);
    const th = Number(title?.data['h']);
    expect(t).toBeDefined();
    if (t === undefined) return;
    const members = view.nodes.filter((n) => n.parent === su);
    const top = Math.min(...members.map((n) => (positions.get(n.id)?.y ?? NaN) - n.height / 2));
    expect(t.y + th / 2).toBeLessThan(top);
    const xs = members.flatMap((n) => [(positions.get(n.id)?.x ?? NaN) - n.width / 2, (positions.get(n.id)?.x ?? NaN) + n.width / 2]);
    expect(t.x).toBeCloseTo((Math.min(...xs) + Math.max(...xs)) / 2, 0);
    // ELK kept the room: the title overlaps no node outside the group.
    const overlaps = view.nodes.filter((n) => n.parent !== su && n.id !== su).filter((n) => {
      const p = positions.get(n.id);
      return p !== undefined && Math.abs(p.x - t.x) < (n.width + tw) / 2 && Math.abs(p.y - t.y) < (n.height + th) / 2;
    });
    expect(overlaps.map((n) => n.id)).toEqual([]);
    // Not counted as a node of the graph; a tap on it is a tap on the group (the adapter maps titleOf).
    expect(a.nodeCount()).toBe(view.nodes.length);
    a.destroy();
  });
});
