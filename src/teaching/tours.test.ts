/**
 * Every tour is valid data, every step resolves to an instant in its preset's
 * trace in order, and every "try it" question has exactly one right answer
 * according to the model.
 */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../scenarios/catalog.ts';
import { simulate } from '../engine/simulate.ts';
import { TOURS } from './tours/index.ts';
import { evaluateTry, stepInstants, validateTour } from './tour.ts';

describe('tours', () => {
  it('there is a tour for each seed preset', () => {
    for (const id of ['clearview-ipmp-first-boot', 'ipmp-dynamic-reconfiguration', 'patching-milestone', 'manifest-import', 'snap-upgrade-var-shared']) {
      expect(TOURS.some((t) => t.preset === id), id).toBe(true);
    }
  });

  for (const tour of TOURS) {
    it(`${tour.id}: valid, steps in order, highlights exist, and the try-it has one right answer`, async () => {
      expect(validateTour(tour)).toEqual([]);
      const preset = findPreset(tour.preset);
      expect(preset, tour.preset).toBeDefined();
      if (preset === undefined) return;
      const scenario = await preset.load();
      const trace = simulate(scenario);
      const instants = stepInstants(tour, trace);
      for (let k = 1; k < instants.length; k++) expect(instants[k] ?? 0).toBeGreaterThanOrEqual(instants[k - 1] ?? 0);
      const known = new Set([...trace.instances.map((i) => i.fmri), ...trace.files]);
      const world = JSON.stringify([trace.worldInitial, trace.worldFinal]);
      for (const step of tour.steps) {
        for (const h of step.highlight ?? []) {
          // Instances and file vertices, or world resources (a /dev link the world knows about).
          const ok = known.has(h) || (h.startsWith('file://localhost/') && world.includes(h.slice('file://localhost'.length)));
          expect(ok, `${step.id}: ${h}`).toBe(true);
        }
      }
      // Event steps resolve to events that really happen.
      tour.steps.forEach((step, k) => {
        if ('event' in step.when) expect(instants[k] ?? Number.POSITIVE_INFINITY, step.id).toBeLessThan(trace.endTime + 1);
      });
      const last = tour.steps[tour.steps.length - 1];
      if (last === undefined) return;
      const verdict = evaluateTry(scenario, last, simulate);
      expect(verdict.ok).toBe(true);
      if (verdict.ok) expect(verdict.right.filter((x) => x).length).toBe(1);
    });
  }

  it('a "which fix" try-it: every choice may carry its own condition instead of the step’s (issue 17)', () => {
    const step = (tr: unknown) => ({ id: 'b', title: 't', text: 'x', when: { continue: true }, try: tr });
    const tourOf = (tr: unknown) => ({ id: 'x', preset: 'p', title: 't', summary: 's', steps: [{ id: 'a', title: 't', text: 'x', when: { at: 0 } }, step(tr)] });
    const expect1 = { hazard: '/dev/ipmpstub', removed: true };
    expect(validateTour(tourOf({ question: 'q', choices: [{ label: 'a', condition: { id: 'c', value: 'v' }, expect: expect1 }, { label: 'b', condition: { id: 'd', value: 'w' }, expect: expect1 }] }))).toEqual([]);
    // One choice without a condition, and none on the step: nothing to play for it.
    expect(validateTour(tourOf({ question: 'q', choices: [{ label: 'a', condition: { id: 'c', value: 'v' }, expect: expect1 }, { label: 'b', expect: expect1 }] }))).toContain('$.steps[1].try: condition, question and at least two choices');
    expect(validateTour(tourOf({ question: 'q', condition: { id: 'c', value: 'v' }, choices: [{ label: 'a', condition: { id: 1 }, expect: expect1 }, { label: 'b', expect: expect1 }] }))).toContain('$.steps[1].try.choices[0].condition: an object with id and value');
  });

  it('rejects malformed tours with paths', () => {
    expect(validateTour({ id: 'x', preset: 'p', title: 't', summary: 's', steps: [{ id: 'a', title: 't', text: 'x', when: { at: -1 } }] })).toContain('$.steps: at least two steps');
    const problems = validateTour({ id: 'x', preset: 'p', title: 't', summary: 's', steps: [
      { id: 'a', title: 't', text: 'x', when: { at: -1 }, highlight: ['not an fmri'] },
      { id: 'a', title: 't', text: 'x', when: { event: { fmri: 'svc:/a:default' } } },
    ] });
    expect(problems).toEqual(expect.arrayContaining([
      '$.steps[0].highlight: a list of FMRIs (svc:/… or file://…)',
      '$.steps[0].when.at: a non-negative time',
      '$.steps[1].id: a unique id is required',
      '$.steps[1].when.event: give "to" or "leaves" with a state',
      '$.steps: the last step must be a "try it" step',
    ]));
  });
});
