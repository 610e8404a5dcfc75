import { describe, expect, it } from 'vitest';
import { createSession } from './create-session.ts';
import { downloadScenario, downloadTrace } from './file-commands.ts';
import type { Run } from './derive-run.ts';

/** A run whose scenario cannot be written out: JSON.stringify meets a RangeError, as with a structure nested too deeply. */
function unserialisable(): Run {
  const deep = { toJSON(): never { throw new RangeError('Maximum call stack size exceeded'); } };
  return { scenario: { name: 'deep', services: [], extra: deep }, trace: deep } as unknown as Run;
}

describe('exports fail with a message (issue 15)', () => {
  it('a scenario or trace that cannot be written out is not downloaded, and the user is told why', () => {
    const s = createSession({ doc: { source: { kind: 'preset', id: 'demo-restart-on' }, conditions: {}, interventions: [], boot: 0 } });
    const run = unserialisable();
    const exporting = { runs: { current: () => run }, ui: s.ui, graph: { probe: () => undefined } };
    expect(downloadScenario(exporting as unknown as Parameters<typeof downloadScenario>[0])).toBe(false);
    expect(s.ui.getState().toast).toMatchObject({ tone: 'error', text: 'Could not export the scenario file: it is nested too deeply or too large to write out.' });
    expect(downloadTrace(exporting as unknown as Parameters<typeof downloadTrace>[0])).toBe(false);
    expect(s.ui.getState().toast?.text).toContain('Could not export the trace');
  });
});
