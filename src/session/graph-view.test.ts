/**
 * The collapsed graph view is computed once per run and view (issue 16): the
 * graph panel and the inspector asking for the same view get the same object,
 * and it is the view collapseWithinLimit makes for that run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collapseWithinLimit } from '../graph-view/draw-limit.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { deriveRun } from './derive-run.ts';
import { graphViewOf } from './graph-view.ts';

const illumos = JSON.parse(readFileSync('fixtures/graphs/illumos-2025.json', 'utf8')) as Scenario;
const run = deriveRun(illumos, { conditions: {}, interventions: [], boot: 0 });

describe('graphViewOf', () => {
  it('answers the same view with the same object, however the question is spelled', () => {
    const a = graphViewOf(run, { collapse: 'story', expanded: [], alsoStory: [] });
    const b = graphViewOf(run, { collapse: 'story', expanded: [], alsoStory: [] });
    expect(b).toBe(a);
    expect(a).toEqual(collapseWithinLimit(run.model, run.index, 'story', run.quiet, { story: run.story.all, expanded: new Set() }));
  });

  it('another view of the run, or the same view of another run, is computed again', () => {
    const story = graphViewOf(run, { collapse: 'story', expanded: [], alsoStory: [] });
    const every = graphViewOf(run, { collapse: 'none', expanded: [], alsoStory: [] });
    expect(every).not.toBe(story);
    expect(every.model.nodes.length).toBeGreaterThan(story.model.nodes.length);
    const other = deriveRun(illumos, { conditions: {}, interventions: [{ at: 1000, run: 'svcadm disable svc:/network/physical:default' }], boot: 0 });
    expect(graphViewOf(other, { collapse: 'story', expanded: [], alsoStory: [] })).not.toBe(story);
  });

  it('draws the services asked for as themselves besides the story, and opens the groups asked for', () => {
    const closed = graphViewOf(run, { collapse: 'story', expanded: [], alsoStory: [] });
    const grouped = [...closed.model.shownAs].find(([id, as]) => as !== id && !id.startsWith('file:'));
    if (grouped === undefined) throw new Error('the story view groups nothing');
    const [fmri, group] = grouped;
    const also = graphViewOf(run, { collapse: 'story', expanded: [], alsoStory: [fmri] });
    expect(also.model.shownAs.get(fmri)).toBe(fmri);
    expect(also).toEqual(collapseWithinLimit(run.model, run.index, 'story', run.quiet, { story: new Set([...run.story.all, fmri]), expanded: new Set() }));
    const open = graphViewOf(run, { collapse: 'story', expanded: [group], alsoStory: [] });
    expect(open.model.nodes.find((n) => n.id === group)?.expanded).toBe(true);
  });
});
