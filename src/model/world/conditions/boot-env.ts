/** Boot environment and boot number conditions (seeds 000, 003, 004). */
import { bootedBe, bootEnvironments } from '../boot-env.ts';
import { checkOption, withWorld, type ConditionDef, type ConditionFamily } from './types.ts';

export const bootEnvConditions: ConditionFamily = {
  list(scenario) {
    const w = scenario.world;
    if (w === undefined) return [];
    const out: ConditionDef[] = [];
    const number = w.boot?.number ?? 1;
    const after = w.boot?.after;
    out.push({
      id: 'boot.number',
      group: 'boot',
      label: 'Boot number',
      description: 'Which boot this is. The next boot starts from what this one left on disk (/dev links, the repository, files); maintenance and temporary enables do not survive it.',
      terms: ['next boot'],
      value: String(number),
      options: [
        { value: String(number), label: number === 1 && after !== undefined ? `first boot after the ${after}` : `boot ${number}`, description: 'This boot, as the scenario describes it.' },
        { value: 'next', label: 'next boot', description: 'Boot again with what this run left on disk.', action: 'next-boot' },
      ],
    });
    const bes = bootEnvironments(w);
    if (bes.length > 1) {
      out.push({
        id: 'boot.environment',
        group: 'boot',
        label: 'Boot environment',
        description: 'Which boot environment is booted: its own root datasets, plus what every BE shares.',
        terms: ['boot environment', 'Snap Upgrade'],
        value: bootedBe(w) ?? bes[0] ?? '',
        options: bes.map((b) => ({ value: b, label: b, description: `Boot ${b}; the other boot environments' datasets are not mounted.` })),
      });
    }
    return out;
  },
  set(scenario, id, value) {
    if (id === 'boot.number') {
      const number = String(scenario.world?.boot?.number ?? 1);
      if (value === number) return { ok: true, scenario };
      if (value === 'next') return { ok: false, error: 'boot.number: the next boot needs this boot\'s final world: call nextBoot(scenario, trace.worldFinal)' };
      return { ok: false, error: `boot.number: unknown option "${value}" (expected ${number} or next)` };
    }
    if (id === 'boot.environment') {
      const bes = bootEnvironments(scenario.world);
      const bad = checkOption(id, value, bes.map((b) => ({ value: b, label: b })));
      if (bad !== undefined) return bad;
      return { ok: true, scenario: withWorld(scenario, (w) => ({ ...w, boot: { ...(w.boot ?? {}), be: value } })) };
    }
    return undefined;
  },
};
