/**
 * Issue 12: what a tour step names is drawn when the step is shown, in every
 * view (named-resources.ts): over every step of every built-in tour, each
 * service or file the step spotlights is a node of its own in the drawn
 * graph (not summarised in a group, not left out), so the camera can frame it.
 */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../scenarios/catalog.ts';
import { deriveRun, type Run } from './derive-run.ts';
import { presetDocument } from './document.ts';
import { graphViewOf } from './graph-view.ts';
import { planTour, stepSpotlight } from '../selectors/tour-plan.ts';
import { tourServices } from '../selectors/tour-services.ts';
import { TOURS } from '../teaching/tours/index.ts';
import type { CollapseMode } from '../graph-view/collapse.ts';
import { revealedView, withNamedResources } from '../graph-view/named-resources.ts';
import { spotlightMarks } from '../graph-view/spotlight.ts';
import { toElements } from '../graph-view/to-elements.ts';

const MODES: readonly CollapseMode[] = ['story', 'none', 'active', 'category', 'milestone'];

async function presetRun(id: string): Promise<Run> {
  const preset = findPreset(id);
  if (preset === undefined) throw new Error(`no preset ${id}`);
  return deriveRun(await preset.load(), presetDocument(id));
}

const input = (run: Run) => ({ model: run.model, index: run.index, trace: run.trace, quiet: run.quiet, story: run.story.all });

describe('a tour step’s named services and files are drawn (named-resources.ts)', () => {
  for (const tour of TOURS) {
    it(`${tour.id}: every step, in every view`, async () => {
      const run = await presetRun(tour.preset);
      const plan = planTour(tour, run.trace);
      const named = tourServices(plan);
      for (const mode of MODES) {
        // What the app draws: the session's graph view with the tour's names (use-graph-view.ts).
        const { model } = graphViewOf(run, { collapse: mode, expanded: [], alsoStory: named });
        const drawn = new Set(model.nodes.map((n) => n.id));
        for (const step of plan.steps) {
          const ids = stepSpotlight(step);
          for (const id of ids) expect(drawn.has(id) && model.shownAs.get(id) === id, `${mode} view, step ${step.step.id}: ${id}`).toBe(true);
          // ... and the spotlight (what the camera frames) is exactly those nodes.
          if (ids.length > 0) expect([...(spotlightMarks(model, model.shownAs, ids)?.nodes ?? [])].sort(), `${mode}, ${step.step.id}`).toEqual([...new Set(ids)].sort());
        }
      }
    }, 60_000);
  }

  it('the flagship’s /dev/ipmpstub, which no dependency declares, is drawn between the service that opens it and the one that creates it', async () => {
    const run = await presetRun('clearview-ipmp-first-boot');
    const stub = 'file://localhost/dev/ipmpstub';
    // Not a vertex of the dependency graph: without the tour it is not drawn.
    expect(run.model.nodes.some((n) => n.id === stub)).toBe(false);
    const { model } = revealedView(input(run), 'story', new Set(), [stub]);
    expect(model.nodes.find((n) => n.id === stub)?.kind).toBe('file');
    const access = model.edges.filter((e) => e.access !== undefined).map((e) => `${e.source} ${e.access} ${e.target}`);
    expect(access.sort()).toEqual([
      `${stub} creates svc:/system/device/local:default`,
      `svc:/network/physical:default opens ${stub}`,
    ]);
    // Drawn dotted (class "access"), titled in words; missing at 0 s, present after devfsadm ran.
    const at = (t: number) => toElements(model, { statuses: run.seeker.atTime(t), files: run.seeker.filesAtTime(t) });
    const edge = at(0).find((e) => e.data.id === `access:svc:/network/physical:default>${stub}`);
    expect(edge?.classes).toBe('access');
    expect(edge?.data['title']).toBe("network/physical:default's method opens /dev/ipmpstub (world access log; not a dependency)");
    expect(at(0).find((e) => e.data.id === stub)?.data['state']).toBe('file-missing');
    expect(at(run.trace.endTime).find((e) => e.data.id === stub)?.data['state']).toBe('file-present');
  });

  it('adds nothing for names already drawn or not files', async () => {
    const run = await presetRun('clearview-ipmp-first-boot');
    expect(withNamedResources(run.model, run.trace, ['svc:/network/physical:default', 'svc:/no/such:default'])).toBe(run.model);
  });
});
