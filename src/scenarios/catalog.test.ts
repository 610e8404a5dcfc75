/**
 * The built-in presets: the flagship first, each citing its seed document,
 * each loading as a valid scenario, and each giving the seed's outcome through
 * the CLI (`npx tsx src/cli/simulate.ts <preset> --format json`).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateScenario } from '../model/scenario/validate.ts';
import { validateWorldScenario } from '../model/world/validate-scenario.ts';
import { defaultPreset, presets } from './catalog.ts';

const SEEDS = join(process.cwd(), '..', 'shared', 'seeds');

describe('catalog', () => {
  it('opens with the Clearview IPMP flagship, then the other seed presets in order', () => {
    expect(defaultPreset().id).toBe('clearview-ipmp-first-boot');
    expect(presets().filter((p) => p.group === 'seed').map((p) => [p.order, p.seed])).toEqual([
      [1, '000_6ff28b1db8148630.txt'],
      [2, '001_298a713eb85a0e72.txt'],
      [3, '002_7f05ea57cebde0ad.txt'],
      [4, '003_4d3f5a16761acb21.txt'],
      [5, '004_2d8bc3d41f41ddac.txt'],
    ]);
  });

  for (const p of presets()) {
    it(`${p.id}: a one-line story, a valid scenario${p.seed === undefined ? '' : ', its seed cited'}`, async () => {
      expect(p.story.length).toBeGreaterThan(20);
      expect(p.story).not.toMatch(/\n/);
      const s = await p.load();
      const v = validateScenario(s);
      expect(v.ok ? [] : v.errors).toEqual([]);
      expect(validateWorldScenario(s)).toEqual([]);
      if (p.seed !== undefined) {
        expect(s.source?.['seed']).toBe(p.seed);
        if (existsSync(SEEDS)) expect(existsSync(join(SEEDS, p.seed))).toBe(true);
      }
    });
  }
});

interface CliJson {
  final: Record<string, { state: string }>;
  console: { text: string }[];
  actions: { command: string; ok: boolean }[];
  milestone: string;
}

function cli(preset: string): CliJson {
  const out = execFileSync('npx', ['tsx', 'src/cli/simulate.ts', preset, '--format', 'json'], { cwd: process.cwd(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out) as CliJson;
}

describe('through the CLI', () => {
  it('clearview-ipmp-first-boot: network/physical in maintenance, the network milestone offline, device/local online', () => {
    const j = cli('clearview-ipmp-first-boot');
    expect(j.final['svc:/network/physical:default']?.state).toBe('maintenance');
    expect(j.final['svc:/milestone/network:default']?.state).toBe('offline');
    expect(j.final['svc:/system/device/local:default']?.state).toBe('online');
    expect(j.console.map((c) => c.text)).toContain('Failed to configure IPv4 interface(s): bge0 bge1');
  });

  it('ipmp-dynamic-reconfiguration: physical online after moving hme0\'s address; four cfgadm, two if_mpadm and two ifconfig actions', () => {
    const j = cli('ipmp-dynamic-reconfiguration');
    expect(j.final['svc:/network/physical:default']?.state).toBe('online');
    expect(j.console.map((c) => c.text)).toContain('Failed to plumb IPv4 interface(s): hme0');
    expect(j.actions.map((a) => [a.command.split(' ')[0], a.ok])).toEqual([
      ['cfgadm', false], ['cfgadm', true], ['cfgadm', true], ['cfgadm', true], ['if_mpadm', true], ['if_mpadm', true], ['ifconfig', true], ['ifconfig', true],
    ]);
  });

  it('patching-milestone: boots to milestone/patching, patches, then restores the default milestone and comes up', () => {
    const j = cli('patching-milestone');
    expect(j.milestone).toBe('svc:/milestone/patching:default');
    expect(j.final['svc:/milestone/patching:default']?.state).toBe('online');
    expect(j.actions.map((a) => a.command)).toContain('svcadm milestone -d all');
    expect(j.final['svc:/site/agent:default']?.state).toBe('online');
  });

  it('manifest-import: physical fails before the late import; datalink-management online after it', () => {
    const j = cli('manifest-import');
    expect(j.final['svc:/network/physical:default']?.state).toBe('maintenance');
    expect(j.final['svc:/network/datalink-management:default']?.state).toBe('online');
    expect(j.console.map((c) => c.text)).toContain('Loading smf(5) service descriptions: 3/3');
  });

  it('snap-upgrade-var-shared: everything up; the package write to the alternate BE\'s /var/shared refused', () => {
    const j = cli('snap-upgrade-var-shared');
    expect(j.final['svc:/milestone/multi-user-server:default']?.state).toBe('online');
    expect(j.actions.map((a) => [a.command, a.ok])).toEqual([
      ['touch /var/mail/alice', true],
      ['mount -F zfs rpool/ROOT/snv_103 /a', true],
      ['pkg -R /a install site-logrotate', false],
      ['pkg -R /a install site-tools', true],
    ]);
  });
});
