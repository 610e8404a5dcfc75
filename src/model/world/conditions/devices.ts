/**
 * Device conditions (seed 000): when the /dev links of new devices are made,
 * and option 1 (libdlpi falls back to the /devices node).
 */
import type { ServiceSpec } from '../../scenario/types.ts';
import { EARLY_DEVLINKS_FMRI } from '../methods/early-devlinks.ts';
import { checkOption, withWorld, type ConditionDef, type ConditionFamily, type ConditionOption } from './types.ts';

const TIMING: readonly ConditionOption[] = [
  { value: 'previous-boot', label: 'left from a previous boot', description: 'devfsadm made the /dev links in an earlier boot, so they are on disk before anything starts.' },
  { value: 'first-boot', label: 'first boot: system/device/local runs devfsadm', description: 'The links of devices new in this release do not exist until system/device/local runs devfsadm on this reconfiguration boot.' },
  { value: 'root-rw', label: 'as soon as / is read-write (option 2)', description: 'A new service runs devfsadm right after system/filesystem/usr makes / writable, and network/physical waits for it.' },
];

const FALLBACK: readonly ConditionOption[] = [
  { value: 'no', label: 'no fallback', description: 'dlpi_open() opens only /dev/ipmpstub, as shipped.' },
  { value: 'yes', label: 'fall back to /devices (option 1)', description: 'dlpi_open() tries /devices/pseudo/dlpistub@0:ipmpstub when the /dev link is missing, as libdlpi did for netbooting before UV.' },
];

/** The service option 2 adds: devfsadm as soon as / is writable, with network/physical depending on it. */
export const EARLY_DEVLINKS_SERVICE: ServiceSpec = {
  fmri: EARLY_DEVLINKS_FMRI,
  common_name: 'create /dev links as soon as / is writable (proposed)',
  model: 'transient',
  method_model: 'early-devlinks',
  start: { exec: '/lib/svc/method/devices-early' },
  stop: { exec: ':true', duration: 0 },
  dependencies: [{ name: 'root-rw', grouping: 'require_all', restart_on: 'none', targets: ['svc:/system/filesystem/usr'] }],
  dependents: [{ name: 'early-devlinks', grouping: 'require_all', restart_on: 'none', target: 'svc:/network/physical:default' }],
};

export const deviceConditions: ConditionFamily = {
  list(scenario) {
    const w = scenario.world;
    const out: ConditionDef[] = [];
    const links = (w?.devices ?? []).filter((d) => d.link !== undefined);
    if (links.length > 0) {
      const early = scenario.services.some((s) => s.fmri === EARLY_DEVLINKS_FMRI);
      out.push({
        id: 'devices.devfsadm-timing',
        group: 'devices',
        label: 'When devfsadm makes /dev links',
        description: 'Whether the /dev links of new devices (such as /dev/ipmpstub) exist when network/physical runs.',
        terms: ['devfsadm', '/dev', 'reconfiguration boot'],
        value: early ? 'root-rw' : links.every((d) => d.link_on_disk === true) ? 'previous-boot' : 'first-boot',
        options: TIMING,
      });
    }
    if ((w?.devices ?? []).some((d) => d.node.endsWith(':ipmpstub'))) {
      out.push({
        id: 'devices.libdlpi-fallback',
        group: 'devices',
        label: 'libdlpi fallback to /devices',
        description: 'Whether dlpi_open() falls back to the /devices node when a /dev link is missing (seed 000, option 1).',
        terms: ['libdlpi', 'ipmpstub'],
        value: w?.proposals?.libdlpi_devices_fallback === true ? 'yes' : 'no',
        options: FALLBACK,
      });
    }
    return out;
  },
  set(scenario, id, value) {
    if (id === 'devices.devfsadm-timing') {
      const bad = checkOption(id, value, TIMING);
      if (bad !== undefined) return bad;
      const onDisk = value === 'previous-boot';
      let next = withWorld(scenario, (w) => ({ ...w, devices: (w.devices ?? []).map((d) => (d.link === undefined ? d : { ...d, link_on_disk: onDisk })) }));
      const services = next.services.filter((s) => s.fmri !== EARLY_DEVLINKS_FMRI);
      next = { ...next, services: value === 'root-rw' ? [...services, EARLY_DEVLINKS_SERVICE] : services };
      if (!onDisk) next = { ...next, boot: { ...(next.boot ?? {}), reconfigure: true } };
      return { ok: true, scenario: next };
    }
    if (id === 'devices.libdlpi-fallback') {
      const bad = checkOption(id, value, FALLBACK);
      if (bad !== undefined) return bad;
      return { ok: true, scenario: withWorld(scenario, (w) => ({ ...w, proposals: { ...(w.proposals ?? {}), libdlpi_devices_fallback: value === 'yes' } })) };
    }
    return undefined;
  },
};
