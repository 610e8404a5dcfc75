/**
 * The headless simulator's public contract (issue 2): formats, --explain,
 * and exit 2 with one clear line for bad input. Runs the real CLI.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'bootgraph-cli-'));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const scenario = (services: unknown[]): string => JSON.stringify({ format: 'bootgraph/1', name: 't', services });

describe('npm run simulate', () => {
  it('prints an svcs -a style table by default', () => {
    const r = cli('demo-restart-on');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^STATE\s+STIME\s+FMRI$/);
    expect(lines.some((l) => /^online\s+300ms\s+svc:\/site\/net:default$/.test(l))).toBe(true);
  });

  it('--format json prints {final, events} as the contract says', () => {
    const r = cli('demo-restart-on', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { final: Record<string, { state: string; since: number }>; events: { t: number; fmri: string; from: string; to: string; reason: string }[] };
    expect(out.final['svc:/site/report:default']).toEqual({ state: 'online', since: 1300 });
    expect(out.events[0]).toEqual({ t: 0, fmri: 'svc:/site/net:default', from: 'uninitialized', to: 'offline', reason: 'per_configuration' });
    expect(out.events.every((e) => typeof e.t === 'number' && e.from !== e.to)).toBe(true);
  });

  it('--format json carries the world as it changes and each instance\'s service-log lines (issue 14)', () => {
    const out = JSON.parse(cli('clearview-ipmp-first-boot', '--format', 'json').stdout) as {
      logs: Record<string, { t: number; text: string }[]>;
      world: { initial: { format: string; network: unknown }; changes: { t: number; kind: string; summary: string; path?: string }[]; final: { files: string[]; network: { nics: unknown[] } } };
    };
    // net-physical's service log has ifconfig's complaint (docs/console-messages.md §3).
    const physical = (out.logs['svc:/network/physical:default'] ?? []).map((l) => l.text).join('\n');
    expect(physical).toContain('Executing start method');
    expect(out.world.initial.format).toBe('bootgraph-world/1');
    expect(out.world.final.network.nics.length).toBeGreaterThan(0);
    // devfsadm makes /dev/ipmpstub during this boot: the change is there, with its time, and in the final files.
    const stub = out.world.changes.find((c) => c.path === '/dev/ipmpstub');
    expect(stub?.t).toBeGreaterThan(0);
    expect(out.world.final.files).toContain('/dev/ipmpstub');
  });

  it('--format perfetto prints Chrome/Perfetto trace-event JSON, one named track per instance', () => {
    const r = cli('demo-restart-on', '--format', 'perfetto');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { traceEvents: { name: string; ph: string; tid: number; args?: Record<string, unknown> }[] };
    const tracks = out.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => String(e.args?.['name']));
    for (const f of ['svc:/site/net:default', 'svc:/site/db:default', 'svc:/site/app:default', 'svc:/site/report:default', 'svc:/site/cache:default']) {
      expect(tracks.filter((t) => t === f || t.startsWith(`${f} (`)).length, f).toBe(1);
    }
    expect(out.traceEvents.some((e) => e.ph === 'X' && e.name === 'start')).toBe(true);
    // One whole boot only: not a comparison, an explanation, hazards or many boots.
    for (const extra of [['--explain', 'db'], ['--compare', 'next-boot'], ['--hazards'], ['--explore', '3']]) {
      const bad = cli('demo-restart-on', '--format', 'perfetto', ...extra);
      expect(bad.code, extra.join(' ')).toBe(2);
      expect(bad.stderr).toContain('--format perfetto writes one whole boot');
    }
  });

  it('--until stops the simulation early', () => {
    const out = JSON.parse(cli('demo-restart-on', '--format', 'json', '--until', '1000').stdout) as { final: Record<string, { state: string }>; quiescent: boolean };
    expect(out.final['svc:/site/app:default']?.state).toBe('offline');
    expect(out.quiescent).toBe(false);
  });

  it('--explain prints svcs -xv for an instance at --at', () => {
    const p = file('fail.json', scenario([{ fmri: 'svc:/a', start: { exit: 95, duration: 10 } }, { fmri: 'svc:/b', dependencies: [{ name: 'a', grouping: 'require_all', restart_on: 'none', targets: ['svc:/a:default'] }] }]));
    const r = cli(p, '--explain', 'b', '--at', '100');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('svc:/b:default');
    expect(r.stdout).toContain('Reason: Service svc:/a:default is not running because a method failed.');
    expect(r.stdout).toContain('  Path: svc:/b:default');
  });

  it('--explain of an unknown instance or a malformed FMRI exits 2 and says which', () => {
    const unknown = cli('demo-restart-on', '--explain', 'svc:/nope/x:default');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('simulate: --explain svc:/nope/x:default: no such instance in this scenario\n');
    const malformed = cli('demo-restart-on', '--explain', 'svc:/a b');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^simulate: --explain svc:\/a b: not a valid FMRI/);
  });

  const bad: [string, string, RegExp][] = [
    ['unreadable file', '/nonexistent/scenario.json', /^simulate: \/nonexistent\/scenario\.json: cannot read file \(no such file\)\n$/],
    ['invalid JSON', 'INVALID_JSON', /invalid JSON: line 2, column 10: expected a value, found "x"/],
    ['unknown grouping', 'UNKNOWN_GROUPING', /\$\.services\[0\]\.dependencies\[0\]\.grouping: unknown grouping "require_some"/],
    ['unparsable target FMRI', 'BAD_FMRI', /\$\.services\[0\]\.dependencies\[0\]\.targets\[0\]: "svc:\/\/remote\/x" names a remote scope/],
    ['negative duration', 'NEGATIVE', /\$\.services\[0\]\.start\.duration: "duration" must not be negative \(got -5\)/],
    ['newer format', 'NEWER', /\$\.format: this file is in format "bootgraph\/2", newer than this bootgraph understands/],
  ];
  const fixtures: Record<string, string> = {
    INVALID_JSON: '{"format": "bootgraph/1",\n "name": x}',
    UNKNOWN_GROUPING: scenario([{ fmri: 'svc:/a', dependencies: [{ name: 'd', grouping: 'require_some', restart_on: 'none', targets: ['svc:/b'] }] }]),
    BAD_FMRI: scenario([{ fmri: 'svc:/a', dependencies: [{ name: 'd', grouping: 'require_all', restart_on: 'none', targets: ['svc://remote/x'] }] }]),
    NEGATIVE: scenario([{ fmri: 'svc:/a', start: { duration: -5 } }]),
    NEWER: JSON.stringify({ format: 'bootgraph/2', name: 'x', services: [] }),
  };
  for (const [what, ref, message] of bad) {
    it(`exits 2 with one clear line for ${what}`, () => {
      const path = fixtures[ref] === undefined ? ref : file(`${ref}.json`, fixtures[ref] ?? '');
      const r = cli(path);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n').filter((l) => l !== '').length).toBe(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('exits 2 for an unknown option, with usage', () => {
    const r = cli('demo-restart-on', '--colour', 'red');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('simulate: unknown option --colour');
  });
});
