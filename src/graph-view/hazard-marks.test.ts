/** Issue 13 marks on the graph: a dashed hazard edge labelled with its object, and the services a change made end differently. */
import { describe, expect, it } from 'vitest';
import { createSeeker } from '../engine/index.ts';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { failingTrace } from '../testing/fixtures.ts';
import { buildGraphModel } from './model.ts';
import { graphStylesheet } from './stylesheet.ts';
import { toElements } from './to-elements.ts';

const trace = failingTrace();
const model = buildGraphModel(trace, buildDependencyIndex(trace));
const seeker = createSeeker(trace);
const frame = { statuses: seeker.atTime(trace.endTime), files: seeker.filesAtTime(trace.endTime) };
const [a, b] = trace.instances.map((i) => i.fmri);

describe('hazard edges', () => {
  it('one dashed, labelled edge from the service that needs the object to the one that provides it', () => {
    if (a === undefined || b === undefined) throw new Error('fixture too small');
    const els = toElements(model, frame, { hazards: [{ reader: a, writer: b, label: '/dev/ipmpstub' }, { reader: a, writer: b, label: '/dev/ipmpstub' }] });
    const hazards = els.filter((e) => e.classes.split(' ').includes('hazard'));
    expect(hazards).toHaveLength(1);
    expect(hazards[0]?.data).toMatchObject({ source: a, target: b, label: '/dev/ipmpstub' });
    expect(String(hazards[0]?.data['title'])).toContain('Ordering hazard');
  });

  it('none for a service that is not drawn, or between a node and itself', () => {
    if (a === undefined) throw new Error('fixture too small');
    const els = toElements(model, frame, { hazards: [{ reader: a, writer: 'svc:/not/drawn:default', label: 'x' }, { reader: a, writer: a, label: 'y' }] });
    expect(els.some((e) => e.classes.includes('hazard'))).toBe(false);
  });

  it('the stylesheet draws hazard edges dashed with their label', () => {
    const sheet = graphStylesheet({ theme: 'light' });
    const rule = sheet.find((r) => r.selector === 'edge.hazard');
    expect(rule !== undefined && 'style' in rule ? rule.style : {}).toMatchObject({ 'line-style': 'dashed', label: 'data(label)' });
  });
});

describe('changed services', () => {
  it('are marked on their nodes', () => {
    if (a === undefined) throw new Error('fixture too small');
    const els = toElements(model, frame, { changed: new Set([a]) });
    expect(els.find((e) => e.data.id === a)?.classes.split(' ')).toContain('changed');
    expect(els.filter((e) => e.classes.split(' ').includes('changed'))).toHaveLength(1);
  });
});
