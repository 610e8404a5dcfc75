/**
 * The Clearview-era chain of docs/boot-graph.md §2.1, in the committed 2009 graph
 * (fixtures/graphs/illumos-2009.json): system/device/local depends, through
 * filesystem/usr, boot-archive, filesystem/root and SVM's system/metainit, on
 * system/identity:node, which waits for network/physical. And §2.3: the chain
 * is gone from the 2025 graph.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/types.ts';
import { resolveScenario, type ResolvedGroup } from '../graph/resolve.ts';
import graph2009Text from '../../../fixtures/graphs/illumos-2009.json?raw';
import graph2025Text from '../../../fixtures/graphs/illumos-2025.json?raw';

const load = (era: '2009' | '2025'): Scenario => JSON.parse(era === '2009' ? graph2009Text : graph2025Text) as Scenario;

const graph2009 = load('2009');
/** The dependency pgs svc.startd reads, per instance, as the engine composes them (model/graph/resolve.ts). */
const groupsByInstance = (s: Scenario): Map<string, readonly ResolvedGroup[]> => new Map(resolveScenario(s).instances.map((i) => [i.fmri, i.groups]));
const groups2009 = groupsByInstance(graph2009);

function only(instance: string, name: string, groups = groups2009): ResolvedGroup {
  const found = groups.get(instance)?.filter((g) => g.name === name) ?? [];
  expect(found, `${instance} has one group named ${name}`).toHaveLength(1);
  const g = found[0];
  if (g === undefined) throw new Error('unreachable');
  return g;
}

const link = (g: ResolvedGroup): string => `${g.grouping}/${g.restartOn} ${g.targets.join(' ')}`;

describe('the 2009 chain from device/local to network/physical (docs/boot-graph.md §2.1)', () => {
  it('1. system/device/local requires filesystem/usr ("usr")', () => {
    expect(link(only('svc:/system/device/local:default', 'usr'))).toBe('require_all/none svc:/system/filesystem/usr');
  });

  it('2. system/filesystem/usr requires boot-archive ("boot-archive")', () => {
    expect(link(only('svc:/system/filesystem/usr:default', 'boot-archive'))).toBe('require_all/none svc:/system/boot-archive');
  });

  it('3. system/boot-archive requires filesystem/root ("root")', () => {
    expect(link(only('svc:/system/boot-archive:default', 'root'))).toBe('require_all/none svc:/system/filesystem/root');
  });

  it("4. filesystem/root has an optional_all \"metainit-root\" on system/metainit, from metainit.xml's <dependent>", () => {
    const g = only('svc:/system/filesystem/root:default', 'metainit-root');
    expect(g).toEqual({
      name: 'metainit-root',
      grouping: 'optional_all',
      restartOn: 'none',
      type: 'service',
      targets: ['svc:/system/metainit'],
      declaredBy: 'svc:/system/metainit',
      level: 'service',
    });
    const metainit = graph2009.services.find((s) => s.fmri === 'svc:/system/metainit');
    expect(metainit?.manifest).toBe('usr/src/cmd/lvm/util/metainit.xml');
  });

  it('5. system/metainit requires identity:node ("identity") and is enabled by default', () => {
    expect(link(only('svc:/system/metainit:default', 'identity'))).toBe('require_all/none svc:/system/identity:node');
    expect(graph2009.services.find((s) => s.fmri === 'svc:/system/metainit')?.instances).toEqual({ default: { enabled: true } });
  });

  it('6. identity:node has an optional_all "physical-network" on network/physical', () => {
    expect(link(only('svc:/system/identity:node', 'physical-network'))).toBe('optional_all/none svc:/network/physical');
  });

  it('7. a second route: iscsi_initiator is an optional_all dependent of metainit, disabled by default, and requires network/physical', () => {
    expect(only('svc:/system/metainit:default', 'iscsi_initiator')).toMatchObject({ grouping: 'optional_all', targets: ['svc:/network/iscsi_initiator'] });
    const iscsi = graph2009.services.find((s) => s.fmri === 'svc:/network/iscsi_initiator');
    expect(iscsi?.instances?.['default']?.enabled).toBe(false);
    expect(link(only('svc:/network/iscsi_initiator:default', 'startup'))).toBe('require_all/none svc:/network/physical');
  });

  it("8. single-user also gets metainit's optional_all \"metainit_single-user\"", () => {
    expect(link(only('svc:/milestone/single-user:default', 'metainit_single-user'))).toBe('optional_all/none svc:/system/metainit');
  });

  it('carries the provenance: the Clearview commit and era 2009', () => {
    expect(graph2009.era).toBe('2009');
    expect(graph2009.source?.['commit']).toBe('e11c3f44f531fdff80941ce57c065d2ae861cefc');
    expect(graph2009.description).toContain('e11c3f44f531fdff80941ce57c065d2ae861cefc');
  });
});

describe('the 2025 graph (docs/boot-graph.md §2.3)', () => {
  const graph2025 = load('2025');
  const groups2025 = groupsByInstance(graph2025);

  it('has no system/metainit, so filesystem/root depends on nothing but the (disabled) mpxio-upgrade', () => {
    expect(graph2025.services.some((s) => s.fmri === 'svc:/system/metainit')).toBe(false);
    expect((groups2025.get('svc:/system/filesystem/root:default') ?? []).map((g) => `${g.name} ${link(g)}`)).toEqual([
      'mpxio-root optional_all/none svc:/system/device/mpxio-upgrade',
    ]);
  });

  it('still has identity:node wait for network/physical, and carries its commit', () => {
    expect(link(only('svc:/system/identity:node', 'physical-network', groups2025))).toBe('optional_all/none svc:/network/physical');
    expect(graph2025.era).toBe('2025');
    expect(graph2025.source?.['commit']).toBe('7037363ac736070a1e853a6841cd42d938f1e4f7');
  });
});
