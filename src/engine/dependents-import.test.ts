/**
 * Issue 14 behaviour 5: a `<dependent>` of a manifest that is not imported yet
 * does not exist yet (docs/smf-semantics.md §5, §10.5). It reaches its target
 * when manifest-import imports the declaring manifest (svccfg import writes the
 * pg and refreshes the target), with no field beyond docs/scenario-format.md.
 */
import { describe, expect, it } from 'vitest';
import { manifestImport, THIRD_PARTY } from '../scenarios/presets/manifest-import.ts';
import { simulate } from './simulate.ts';
import { entered, final } from './testing/scenario-builder.ts';
import type { Scenario } from '../model/scenario/types.ts';

const EARLY = 'svc:/system/keymap:default';
const SU = 'svc:/milestone/single-user:default';
const MI = 'svc:/system/manifest-import:default';

async function withDependents(): Promise<Scenario> {
  const s = await manifestImport();
  return {
    ...s,
    services: s.services.map((x) =>
      x.fmri === THIRD_PARTY
        ? {
            ...x,
            dependents: [
              // Would hold system/keymap back for ever if it existed at boot (the agent is absent then).
              { name: 'inventory_keymap', grouping: 'require_all', restart_on: 'none', target: EARLY },
              { name: 'inventory_single-user', grouping: 'require_all', restart_on: 'none', target: SU },
            ],
          }
        : x,
    ),
  };
}

describe('behaviour 5: <dependent> declarations take effect when their manifest is imported', () => {
  it('before the import the target does not wait for the absent declarer', async () => {
    const t = simulate(await withDependents());
    const earlyOnline = entered(t, EARLY, 'online')[0] ?? Infinity;
    const imported = entered(t, MI, 'online')[0] ?? -Infinity;
    expect(earlyOnline).toBeLessThan(imported);
    // A running target is not stopped by the new dependency (no restart_on fires).
    expect(final(t, EARLY).state).toBe('online');
  });

  it('after the import the target has the dependency: single-user waits for the imported service', async () => {
    const control = simulate(await manifestImport());
    const t = simulate(await withDependents());
    const agent = (tr: typeof t): number => entered(tr, `${THIRD_PARTY}:default`, 'online')[0] ?? Infinity;
    const su = (tr: typeof t): number => entered(tr, SU, 'online')[0] ?? Infinity;
    // Without the <dependent>, single-user does not wait for the agent; with it, it does.
    expect(su(control)).toBeLessThan(agent(control));
    expect(su(t)).toBeLessThan(Infinity);
    expect(su(t)).toBeGreaterThanOrEqual(agent(t));
  });

  it('the scenario needs no extra field: what it declares is what docs/scenario-format.md documents', async () => {
    const s = await withDependents();
    expect(JSON.stringify(s.world)).not.toContain('held_dependents');
  });
});
