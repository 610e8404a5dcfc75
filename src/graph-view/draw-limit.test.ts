/**
 * Issue 15: the graph never draws more nodes than it stays responsive with
 * (draw-limit.ts). A view over the limit is drawn as the story; groups that
 * would open past it stay closed; below the limit the view is the one asked for.
 */
import { describe, expect, it } from 'vitest';
import { dep, run, svc } from '../engine/testing/scenario-builder.ts';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { collapseModel, GROUP_PREFIX } from './collapse.ts';
import { collapseWithinLimit, DRAWN_NODE_LIMIT, drawLimitText } from './draw-limit.ts';
import { buildGraphModel } from './model.ts';
import { storyOf } from './story.ts';

/** A milestone needing 40 services, one of which fails: the story is the milestone and the failed service, the rest in a group. */
function boot() {
  const names = Array.from({ length: 40 }, (_, k) => `svc:/site/s${k}`);
  const trace = run([
    ...names.map((fmri, k) => svc(fmri, { start: { duration: 10 + k, exit: k === 7 ? 1 : 0 } })),
    svc('svc:/milestone/multi-user', { dependencies: names.map((n, k) => dep(`d${k}`, 'require_all', [n])) }),
  ]);
  const index = buildDependencyIndex(trace);
  return { model: buildGraphModel(trace, index), index, story: storyOf(trace).all };
}

describe('the drawn-node limit (draw-limit.ts)', () => {
  it('draws the view asked for while it is within the limit', () => {
    const { model, index, story } = boot();
    const view = collapseWithinLimit(model, index, 'none', new Set(), { story, expanded: new Set() });
    expect(view.limited).toBeUndefined();
    expect(view.model.nodes.length).toBe(model.nodes.length);
  });

  it('draws every service as the story when the view would pass the limit, and says how many it would have drawn', () => {
    const { model, index, story } = boot();
    const limit = 20;
    expect(model.nodes.length).toBeGreaterThan(limit);
    const view = collapseWithinLimit(model, index, 'none', new Set(), { story, expanded: new Set() }, limit);
    expect(view.limited).toEqual({ asked: model.nodes.length, setAside: 'view' });
    const storyDrawn = collapseModel(model, index, 'story', new Set(), { story, expanded: new Set() });
    expect(view.model.nodes.map((n) => n.id)).toEqual(storyDrawn.nodes.map((n) => n.id));
    expect(view.model.nodes.length).toBeLessThanOrEqual(limit);
    // Every service is still accounted for: shown as itself or as its group.
    for (const n of model.nodes) expect(view.model.shownAs.has(n.id)).toBe(true);
  });

  it('keeps groups closed that would open past the limit, and opens them when they fit', () => {
    const { model, index, story } = boot();
    const closed = collapseModel(model, index, 'story', new Set(), { story, expanded: new Set() });
    const group = closed.nodes.find((n) => n.id.startsWith(GROUP_PREFIX));
    expect(group).toBeDefined();
    const expanded = new Set(group === undefined ? [] : [group.id]);
    const tight = collapseWithinLimit(model, index, 'story', new Set(), { story, expanded }, closed.nodes.length + 2);
    expect(tight.limited?.setAside).toBe('open groups');
    expect(tight.model.nodes.map((n) => n.id)).toEqual(closed.nodes.map((n) => n.id));
    const roomy = collapseWithinLimit(model, index, 'story', new Set(), { story, expanded }, 1_000);
    expect(roomy.limited).toBeUndefined();
    expect(roomy.model.nodes.length).toBeGreaterThan(closed.nodes.length);
  });

  it('says what it set aside, the size asked for and the limit, in plain words', () => {
    expect(drawLimitText({ asked: 5001, setAside: 'view' })).toBe(
      `This view would draw 5,001 nodes; the graph stays responsive up to ${DRAWN_NODE_LIMIT.toLocaleString('en-US')}, so it shows the story instead. The Table lists every service.`,
    );
    expect(drawLimitText({ asked: 1200, setAside: 'open groups' }, 1000)).toMatch(/^Opening these groups would draw 1,200 nodes; .* up to 1,000, so they stay closed\./);
  });
});
