/**
 * Ordering hazards (issue 17) computed from the world access log and the
 * declared dependencies. What must hold is derived from the model, not from
 * lists of expected hazards: every wrong order that actually happened in a
 * boot is reported, every reported hazard is backed by the log and by the
 * absence of a dependency path, and the seeds' hazards come and go with the
 * conditions that cause them (seed 000's options 1 and 2, seed 003's import
 * scheme, seed 004's writer timing).
 */
import { describe, expect, it } from 'vitest';
import { accessLog } from './access-log.ts';
import { listConditions, setCondition } from '../model/world/conditions.ts';
import type { Scenario, ServiceSpec } from '../model/scenario/types.ts';
import { presets } from '../scenarios/catalog.ts';
import race from '../scenarios/presets/demo-race-on-a-file.ts';
import { bootScenario } from './explore.ts';
import { findHazards, hazardFacts, type Hazard } from './hazards.ts';
import { describeHazardFact, hazardSummary, hazardWhy } from './hazard-text.ts';
import { createSeeker } from './seek.ts';
import { simulate } from './simulate.ts';
import type { Trace } from './trace.ts';

const PHYSICAL = 'svc:/network/physical:default';
const DEVICE_LOCAL = 'svc:/system/device/local:default';
const EARLY_DEVLINKS = 'svc:/system/device/early-devlinks:default';

/**
 * Independent of dependency-order.ts: does `after` wait (transitively) for
 * `before` through require_all, optional_all (on targets present and enabled
 * at boot) or a require_any with one target (§3.4)?
 */
function waits(trace: Trace, after: string, before: string): boolean {
  const byFmri = new Map(trace.instances.map((i) => [i.fmri, i]));
  const counts = (f: string): boolean => byFmri.get(f)?.initial.present === true && byFmri.get(f)?.initial.enabled === true;
  const seen = new Set<string>();
  const todo = [after];
  while (todo.length > 0) {
    const f = todo.shift();
    if (f === undefined) break;
    for (const g of byFmri.get(f)?.groups ?? []) {
      if (g.type !== 'service' || g.grouping === 'exclude_all') continue;
      const targets = g.targets.flatMap((t) => trace.instances.filter((i) => i.fmri === t || i.service === t).map((i) => i.fmri));
      if (g.grouping === 'require_any' && targets.length !== 1) continue;
      for (const x of g.grouping === 'optional_all' ? targets.filter(counts) : targets) {
        if (x === before) return true;
        if (!seen.has(x)) {
          seen.add(x);
          todo.push(x);
        }
      }
    }
  }
  return false;
}

/** The properties every boot's hazards must have, checked against the access log. */
function checkAgainstLog(trace: Trace, label: string): void {
  const log = accessLog(trace);
  const { hazards } = findHazards(trace);
  for (const h of hazards) {
    const on = log.filter((a) => a.kind === h.object.kind && a.name === h.object.name);
    expect(on.some((a) => a.fmri === h.writer.fmri && a.seq === h.writer.seq && a.ok), `${label}: ${h.id} writer in the log`).toBe(true);
    expect(on.some((a) => a.fmri === h.reader.fmri && a.seq === h.reader.seq), `${label}: ${h.id} reader in the log`).toBe(true);
    expect(waits(trace, h.reader.fmri, h.writer.fmri), `${label}: ${h.id} has no dependency path`).toBe(false);
    if (h.kind === 'unordered-writes') expect(waits(trace, h.writer.fmri, h.reader.fmri), `${label}: ${h.id} unordered both ways`).toBe(false);
    expect(hazardSummary(h).length).toBeGreaterThan(0);
    expect(hazardWhy(h).length).toBeGreaterThan(0);
  }
  // Completeness: a service that needed X and did not find it before another service made X is reported, as wrong.
  for (const use of log) {
    if (use.fmri === undefined || (use.op !== 'read' && use.op !== 'open') || use.ok || use.fallback !== undefined) continue;
    const later = log.filter((w) => w.fmri !== undefined && w.fmri !== use.fmri && w.kind === use.kind && w.name === use.name && w.ok && (w.op === 'create' || w.op === 'mount' || w.op === 'change') && w.seq > use.seq);
    const reader = use.fmri;
    for (const w of later) {
      const guaranteed = log.some((p) => p.fmri !== undefined && p.fmri !== reader && p.kind === use.kind && p.name === use.name && p.ok && ['create', 'mount', 'change'].includes(p.op) && waits(trace, reader, p.fmri));
      if (guaranteed) continue;
      const h = hazards.find((x) => x.kind === 'unordered-use' && x.reader.fmri === use.fmri && x.writer.fmri === w.fmri && x.object.name === use.name);
      expect(h, `${label}: ${use.fmri} missed ${use.kind} ${use.name} that ${w.fmri} made later`).toBeDefined();
      expect(h?.right, `${label}: ${h?.id ?? ''}`).toBe(false);
    }
  }
}

function ipmpstubHazard(trace: Trace): Hazard | undefined {
  return findHazards(trace).hazards.find((h) => h.object.name === '/dev/ipmpstub' && h.reader.fmri === PHYSICAL);
}

function set(s: Scenario, id: string, value: string): Scenario {
  const r = setCondition(s, id, value);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

const finalState = (t: Trace, fmri: string): string | undefined => createSeeker(t).atIndex(t.records.length - 1).get(fmri)?.state;

describe('hazards of every preset under every condition agree with the access log', () => {
  for (const p of presets()) {
    it(p.id, async () => {
      const base = await p.load();
      checkAgainstLog(simulate(base), `${p.id} (as shipped)`);
      for (const c of listConditions(base)) {
        for (const o of c.options) {
          if (o.action !== undefined || o.value === c.value) continue;
          const r = setCondition(base, c.id, o.value);
          if (!r.ok) continue;
          checkAgainstLog(simulate(r.scenario), `${p.id} ${c.id}=${o.value}`);
        }
      }
    });
  }
});

describe('seed 000: network/physical needs /dev/ipmpstub that system/device/local makes', async () => {
  const flagship = await (presets()[0]?.load() ?? Promise.reject(new Error('no flagship')));

  it('as shipped: a hazard, wrong this boot, and the dependencies order it the wrong way', () => {
    const t = simulate(flagship);
    const h = ipmpstubHazard(t);
    expect(h).toMatchObject({ kind: 'unordered-use', object: { kind: 'devlink', name: '/dev/ipmpstub' }, writer: { fmri: DEVICE_LOCAL, op: 'create' }, right: false, order: 'reader-first' });
    // The declared order is the wrong one: device/local waits for network/physical (the metainit chain).
    expect(h?.reversed).toBe(waits(t, DEVICE_LOCAL, PHYSICAL));
    expect(h?.reversed).toBe(true);
    expect(h?.reader.t).toBeLessThan(h?.writer.t ?? 0);
  });

  it('option 1 (libdlpi falls back to /devices) removes it: the failed open is recovered from', () => {
    const t = simulate(set(flagship, 'devices.libdlpi-fallback', 'yes'));
    expect(ipmpstubHazard(t)).toBeUndefined();
    expect(accessLog(t).some((a) => a.fmri === PHYSICAL && a.name === '/dev/ipmpstub' && a.fallback !== undefined)).toBe(true);
    expect(finalState(t, PHYSICAL)).toBe('online');
    expect(findHazards(t).cycles).toEqual([]);
  });

  it('option 2 (devfsadm as soon as / is writable) replaces it with the cycle the engine reports', () => {
    const t = simulate(set(flagship, 'devices.devfsadm-timing', 'root-rw'));
    expect(ipmpstubHazard(t)).toBeUndefined();
    const reported = createSeeker(t).atIndex(t.records.length - 1);
    const inCycle = [...reported.values()].filter((s) => s.cycle !== undefined).map((s) => s.cycle ?? []);
    expect(inCycle.length).toBeGreaterThan(0);
    expect(findHazards(t).cycles).toEqual([inCycle[0]]);
    expect(findHazards(t).cycles[0]).toEqual(expect.arrayContaining([PHYSICAL, EARLY_DEVLINKS]));
  });

  it('without SVM nothing orders the two either way: still a hazard, and timing decides', () => {
    const t = simulate(set(flagship, 'filesystems.svm', 'not-installed'));
    const h = ipmpstubHazard(t);
    expect(h).toBeDefined();
    expect(h?.reversed).toBe(false);
    expect(waits(t, DEVICE_LOCAL, PHYSICAL)).toBe(false);
  });

  it('when the link is left from a previous boot nobody makes it in this boot: no hazard', () => {
    expect(ipmpstubHazard(simulate(set(flagship, 'devices.devfsadm-timing', 'previous-boot')))).toBeUndefined();
  });
});

describe('seed 003: network/physical needs datalink-management in the repository', async () => {
  const preset = presets().find((p) => p.id === 'manifest-import');
  const base = await (preset?.load() ?? Promise.reject(new Error('no manifest-import preset')));
  const dlmgmt = (t: Trace): Hazard | undefined => findHazards(t).hazards.find((h) => h.object.kind === 'repository' && h.object.name === 'svc:/network/datalink-management');

  it('late import: manifest-import creates the entry after network/physical looked for it', () => {
    const t = simulate(base);
    const h = dlmgmt(t);
    expect(h?.writer.fmri).toBe('svc:/system/manifest-import:default');
    expect(h?.reader.fmri).toBe(PHYSICAL);
    expect(h?.right).toBe(false);
    expect(finalState(t, PHYSICAL)).toBe('maintenance');
  });

  it('two-step import has the entry from the start: no hazard', () => {
    const scheme = listConditions(base).find((c) => c.options.some((o) => o.value === 'two-step'));
    expect(scheme).toBeDefined();
    const t = simulate(set(base, scheme?.id ?? '', 'two-step'));
    expect(dlmgmt(t)).toBeUndefined();
  });
});

describe('seed 004: a log written under /var/shared before the dataset is mounted', async () => {
  const preset = presets().find((p) => p.id === 'snap-upgrade-var-shared');
  const base = await (preset?.load() ?? Promise.reject(new Error('no snap-upgrade preset')));
  const writer = listConditions(base).find((c) => c.id.startsWith('filesystems.writer:'));
  const fmri = writer?.id.slice('filesystems.writer:'.length) ?? '';
  const hidden = (t: Trace): Hazard | undefined => findHazards(t).hazards.find((h) => h.kind === 'unordered-writes' && [h.writer.fmri, h.reader.fmri].includes(fmri));

  it('written early: two unordered writers of the file, and the mount undid the write', () => {
    expect(writer?.value).toBe('early');
    const h = hidden(simulate(base));
    expect(h).toBeDefined();
    expect(h?.writer.fmri).toBe(fmri);
    expect(h?.reader.op).toBe('change');
    expect(h?.right).toBe(false);
  });

  it('written after system/filesystem/minimal: ordered, no hazard', () => {
    expect(hidden(simulate(set(base, writer?.id ?? '', 'after-minimal')))).toBeUndefined();
  });
});

describe('the racing demo: right or wrong depends on the boot', () => {
  it('each seeded boot reports the order it had, and maintenance follows a wrong order', () => {
    let right = 0;
    let wrong = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const t = simulate(bootScenario(race, seed, 0.5));
      const [h] = findHazards(t).hazards;
      expect(h?.object.name).toBe('/etc/site/app.key');
      const firstRead = accessLog(t).find((a) => a.fmri === 'svc:/site/app:default' && a.op === 'read');
      const created = accessLog(t).find((a) => a.fmri === 'svc:/site/keygen:default' && a.op === 'create');
      expect(h?.right, `seed ${seed}`).toBe((firstRead?.seq ?? 0) > (created?.seq ?? 0));
      if (finalState(t, 'svc:/site/app:default') === 'maintenance') expect(h?.right).toBe(false);
      if (h?.right === true) right++;
      else wrong++;
      expect(hazardFacts(t)).toEqual({ [h?.id ?? '']: h?.right === true ? 'right' : 'wrong' });
      expect(describeHazardFact(h?.id ?? '', 'wrong')).toBe('/etc/site/app.key: site/app:default needs what site/keygen:default makes (needed first, not found)');
    }
    expect(right).toBeGreaterThan(0);
    expect(wrong).toBeGreaterThan(0);
  });
});

describe('what orders and what does not (docs/smf-semantics.md §3.4)', () => {
  const site = (fmri: string, extra: Partial<ServiceSpec> = {}): ServiceSpec => ({ fmri, model: 'transient', ...extra });
  const world = (reader: string, writer: string): Scenario['world'] => ({
    filesystems: [{ mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/be' }],
    site_methods: [
      { fmri: `${writer}:default`, writes: ['/etc/x'], duration: 500 },
      { fmri: `${reader}:default`, reads: ['/etc/x'], duration: 10 },
    ],
  });
  const scenarioWith = (grouping: 'require_all' | 'require_any' | 'optional_all' | 'exclude_all', targets: string[]): Scenario => ({
    format: 'bootgraph/1',
    name: grouping,
    services: [site('svc:/w'), site('svc:/other', grouping === 'exclude_all' ? { instances: { default: { enabled: false } } } : {}), site('svc:/r', { dependencies: [{ name: 'd', grouping, restart_on: 'none', targets }] })],
    world: world('svc:/r', 'svc:/w'),
  });

  it('require_all and optional_all on the writer order it first: no hazard', () => {
    for (const g of ['require_all', 'optional_all'] as const) expect(findHazards(simulate(scenarioWith(g, ['svc:/w']))).hazards, g).toEqual([]);
  });

  it('require_any on the writer alone orders it; with another target it does not', () => {
    expect(findHazards(simulate(scenarioWith('require_any', ['svc:/w']))).hazards).toEqual([]);
    const h = findHazards(simulate(scenarioWith('require_any', ['svc:/w', 'svc:/other']))).hazards;
    expect(h.map((x) => [x.writer.fmri, x.reader.fmri])).toEqual([['svc:/w:default', 'svc:/r:default']]);
  });

  it('exclude_all orders nothing (its target disabled, the reader starts at once)', () => {
    const t = simulate(scenarioWith('exclude_all', ['svc:/other']));
    expect(findHazards(t).hazards.map((x) => x.right)).toEqual([false]);
  });
});
