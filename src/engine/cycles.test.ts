/**
 * Rule 7 of issue 2: dependency cycles (docs/smf-semantics.md §1.2): the instance
 * whose dependency would close the cycle goes to maintenance with
 * dependency_cycle. Insertion order: instances are configured in repository
 * (scenario) order, depth first through their dependencies, as
 * configure_vertex() → process_dependency_fmri() does.
 */
import { describe, expect, it } from 'vitest';
import { dep, final, run, svc } from './testing/scenario-builder.ts';
import { createSeeker } from './seek.ts';
import { explain } from './explain.ts';

describe('§1.2 cycles', () => {
  it('A → B → C → A: the instance completing the cycle goes to maintenance; no hang', () => {
    const t = run([
      svc('svc:/a', { dependencies: [dep('b', 'require_all', ['svc:/b:default'])] }),
      svc('svc:/b', { dependencies: [dep('c', 'require_all', ['svc:/c:default'])] }),
      svc('svc:/c', { dependencies: [dep('a', 'require_all', ['svc:/a:default'])] }),
    ]);
    // a is configured first; its dependency chain configures b, then c; c's edge to a closes the cycle.
    const c = final(t, 'svc:/c');
    expect(c.state).toBe('maintenance');
    expect(c.aux).toBe('dependency_cycle');
    expect(c.cycle).toEqual(['svc:/c:default', 'svc:/a:default', 'svc:/b:default', 'svc:/c:default']);
    expect(final(t, 'svc:/a').state).toBe('offline');
    expect(final(t, 'svc:/b').state).toBe('offline');
    expect(t.quiescent).toBe(true);
  });

  it('which instance completes the cycle follows repository order', () => {
    const t = run([
      svc('svc:/c', { dependencies: [dep('a', 'require_all', ['svc:/a:default'])] }),
      svc('svc:/a', { dependencies: [dep('b', 'require_all', ['svc:/b:default'])] }),
      svc('svc:/b', { dependencies: [dep('c', 'require_all', ['svc:/c:default'])] }),
    ]);
    expect(final(t, 'svc:/b').aux).toBe('dependency_cycle');
  });

  it('optional_all edges close cycles too; exclude_all edges do not', () => {
    const opt = run([
      svc('svc:/a', { dependencies: [dep('b', 'optional_all', ['svc:/b:default'])] }),
      svc('svc:/b', { dependencies: [dep('a', 'require_all', ['svc:/a:default'])] }),
    ]);
    expect(final(opt, 'svc:/b').aux).toBe('dependency_cycle');
    const excl = run([
      svc('svc:/a', { dependencies: [dep('b', 'exclude_all', ['svc:/b:default'])] }),
      svc('svc:/b', { dependencies: [dep('a', 'require_all', ['svc:/a:default'])], instances: { default: { enabled: false } } }),
    ]);
    expect(final(excl, 'svc:/a').state).toBe('online');
    expect(final(excl, 'svc:/b').state).toBe('disabled');
  });

  it('svcs -x says "Completes a dependency cycle." (SMF-8000-HP) and spells the cycle out', () => {
    const t = run([
      svc('svc:/a', { dependencies: [dep('b', 'require_all', ['svc:/b:default'])] }),
      svc('svc:/b', { dependencies: [dep('a', 'require_all', ['svc:/a:default'])] }),
    ]);
    const s = createSeeker(t);
    const e = explain({ trace: t, statuses: s.atTime(t.endTime), files: s.filesAtTime(t.endTime) }, 'svc:/b:default');
    expect(e?.text).toContain('Reason: Completes a dependency cycle.');
    expect(e?.text).toContain('See: http://illumos.org/msg/SMF-8000-HP');
    expect(e?.cycle).toEqual(['svc:/b:default', 'svc:/a:default', 'svc:/b:default']);
    expect(t.console.some((c) => c.text.includes('Transitioning svc:/b:default to maintenance because it completes a dependency cycle'))).toBe(true);
  });
});
