/**
 * Issue 14 behaviour 1: persistent vs temporary administrative state across a
 * reboot (docs/smf-semantics.md §1.1, §6.2, §6.4, §9, §10.2).
 */
import { describe, expect, it } from 'vitest';
import { dep, final, scenario, svc } from '../engine/testing/scenario-builder.ts';
import { simulate } from '../engine/simulate.ts';
import { nextBootScenario } from './next-boot.ts';
import type { ServiceSpec } from '../model/scenario/types.ts';

const SU = 'svc:/milestone/single-user';

function services(): ServiceSpec[] {
  return [
    svc('svc:/system/svc/restarter'),
    svc(SU),
    svc('svc:/network/ssh', { dependencies: [dep('su', 'require_all', [`${SU}:default`])] }),
    svc('svc:/network/smtp', { dependencies: [dep('su', 'require_all', [`${SU}:default`])] }),
    svc('svc:/site/app', { dependencies: [dep('su', 'require_all', [`${SU}:default`])], start: { exit: 95 } }),
    svc('svc:/system/cron', { instances: { default: { enabled: false } } }),
  ];
}

function reboot(actions: { at: number; run: string }[]) {
  const s = scenario(services(), { actions });
  const first = simulate(s);
  const next = nextBootScenario(s, first);
  if (!next.ok) throw new Error(next.error);
  return { first, next, second: simulate(next.scenario) };
}

describe('behaviour 1: what svcadm wrote persistently survives the reboot, what it wrote temporarily does not', () => {
  it('svcadm disable (general/enabled) is kept; svcadm disable -t (general_ovr/enabled) is dropped', () => {
    const { first, next, second } = reboot([
      { at: 1000, run: 'svcadm disable svc:/network/ssh:default' },
      { at: 1000, run: 'svcadm disable -t svc:/network/smtp:default' },
    ]);
    expect(final(first, 'svc:/network/ssh').state).toBe('disabled');
    expect(final(first, 'svc:/network/smtp').state).toBe('disabled');
    expect(final(second, 'svc:/network/ssh').state).toBe('disabled');
    expect(final(second, 'svc:/network/ssh').temporary).toBe(false);
    expect(final(second, 'svc:/network/smtp').state).toBe('online');
    if (!next.ok) return;
    expect(next.carried).toContain('svc:/network/ssh:default: general/enabled=false (svcadm disable)');
    expect(next.dropped).toContain('svc:/network/smtp:default: temporary disable (general_ovr/enabled)');
  });

  it('svcadm enable (persistent) of a disabled instance is kept; enable -t is dropped', () => {
    const kept = reboot([{ at: 1000, run: 'svcadm enable svc:/system/cron:default' }]);
    expect(final(kept.second, 'svc:/system/cron').state).toBe('online');
    const temp = reboot([{ at: 1000, run: 'svcadm enable -t svc:/system/cron:default' }]);
    expect(final(temp.first, 'svc:/system/cron').state).toBe('online');
    expect(final(temp.second, 'svc:/system/cron').state).toBe('disabled');
  });

  it('svcadm milestone -d writes options/milestone: the next boot goes there; svcadm milestone without -d does not', () => {
    const d = reboot([{ at: 1000, run: 'svcadm milestone -d single-user' }]);
    expect(d.second.milestone).toBe(`${SU}:default`);
    expect(final(d.second, 'svc:/network/ssh').state).toBe('disabled');
    expect(final(d.second, 'svc:/network/ssh').temporary).toBe(true);
    if (d.next.ok) expect(d.next.carried).toContain(`options/milestone=${SU}:default (svcadm milestone -d)`);
    const t = reboot([{ at: 1000, run: 'svcadm milestone single-user' }]);
    expect(t.second.milestone).toBe('all');
    expect(final(t.second, 'svc:/network/ssh').state).toBe('online');
  });

  it('maintenance does not survive (the restarter pg is non-persistent); the method fails again on its own', () => {
    const { first, next, second } = reboot([]);
    expect(final(first, 'svc:/site/app').state).toBe('maintenance');
    if (next.ok) expect(next.dropped).toContain('svc:/site/app:default: maintenance (method_failed)');
    // Every instance starts the next boot uninitialized; the app fails again by itself.
    const firstChange = second.records.find((r) => r.kind === 'status' && r.fmri === 'svc:/site/app:default');
    expect(firstChange?.kind === 'status' && firstChange.from).toBe('uninitialized');
  });

  it('the timed actions of a boot are not replayed in the next', () => {
    const { next } = reboot([{ at: 1000, run: 'svcadm disable svc:/network/ssh:default' }]);
    expect(next.ok && next.scenario.actions).toBeUndefined();
  });
});
