/**
 * `npm run import` (src/cli/import.ts), run as a child process: output format,
 * exit status, and no stack traces.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/build-fixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'bootgraph-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run import', () => {
  it('writes the scenario with 2-space indentation, findings as file:line:col, and a summary', () => {
    const out = join(scratch, 'cycle.json');
    const r = cli('fixtures/bad/cycle.xml', '-o', out, '--name', 'Cycle demo');
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^fixtures\/bad\/cycle\.xml:8:7: warning: dependency cycle: svc:\/site\/a:default requires /);
    expect(lines.at(-1)).toBe(`1 bundle read (1 manifest, 0 profiles applied), 5 services, 5 instances, 1 warning → ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('{\n  "format": "bootgraph/1",\n  "name": "Cycle demo",\n')).toBe(true);
    expect(JSON.parse(text).services[0].manifest).toBe('fixtures/bad/cycle.xml');
  });

  it('searches directories recursively for *.xml, in sorted order, and applies --profile after them', () => {
    const dir = join(scratch, 'tree');
    mkdirSync(join(dir, 'b'), { recursive: true });
    mkdirSync(join(dir, 'a'), { recursive: true });
    const m = (name: string): string =>
      `<service_bundle type='manifest' name='t'><service name='t/${name}' type='service' version='1'><create_default_instance enabled='false'/></service></service_bundle>`;
    writeFileSync(join(dir, 'b', 'one.xml'), m('one'));
    writeFileSync(join(dir, 'a', 'two.xml'), m('two'));
    writeFileSync(join(dir, 'a', 'notes.txt'), 'not a bundle');
    const prof = join(scratch, 'p.xml');
    writeFileSync(prof, `<service_bundle type='profile' name='p'><service name='t/one' version='1' type='service'><instance name='default' enabled='true'/></service></service_bundle>`);
    const r = cli(dir, '--profile', prof);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as { services: { fmri: string; instances: unknown }[] };
    expect(s.services.map((x) => [x.fmri, x.instances])).toEqual([
      ['svc:/t/two', { default: { enabled: false } }],
      ['svc:/t/one', { default: { enabled: true } }],
    ]);
    expect(r.stderr.trim()).toBe('3 bundles read (2 manifests, 1 profile applied), 2 services, 2 instances, 0 warnings');
  });

  it('exits 2 with one clear message for a path that cannot be read', () => {
    const r = cli('fixtures/bad/no-such-file.xml');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('import: cannot read fixtures/bad/no-such-file.xml: no such file or directory\n');
    expect(r.stdout).toBe('');
  });

  it('exits 2 when every file is malformed, after listing each error, with no stack trace', () => {
    const r = cli('fixtures/bad/malformed.xml', 'fixtures/bad/billion-laughs.xml');
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('fixtures/bad/malformed.xml:8:12: error: not well-formed XML: unexpected close tag.');
    expect(lines[1]).toMatch(/^fixtures\/bad\/billion-laughs\.xml:13:2: error: the DOCTYPE declares entities/);
    expect(lines.at(-1)).toBe('import: nothing to write: none of the 2 files could be read as a service bundle');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 0 when one file is malformed and another is usable, reporting the error', () => {
    const r = cli('fixtures/bad/malformed.xml', 'fixtures/bad/unknown-grouping.xml');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('fixtures/bad/malformed.xml:8:12: error: not well-formed XML');
    expect(r.stderr.trim().split('\n').at(-1)).toBe('1 bundle read (1 manifest, 0 profiles applied), 2 services, 2 instances, 3 warnings, 1 error');
  });

  it('refuses an oversized file without reading it', () => {
    const big = join(scratch, 'big.xml');
    const text = `<service_bundle type='manifest' name='x'>${' '.repeat(11 * 1024 * 1024)}</service_bundle>`;
    writeFileSync(big, text);
    const r = cli(big);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `error: the input is ${text.length.toLocaleString('en-US')} bytes (11.0 MB), over the 10,485,760 bytes (10.0 MB) limit for a service bundle; nothing was parsed`,
    );
  });

  it('lists the files path dependencies name as present, unless --no-files', () => {
    const m = join(scratch, 'files.xml');
    writeFileSync(
      m,
      `<service_bundle type='manifest' name='f'><service name='t/f' type='service' version='1'><create_default_instance enabled='true'/>
<dependency name='cfg' grouping='require_all' restart_on='none' type='path'><service_fmri value='file://localhost/etc/f.conf'/></dependency></service></service_bundle>`,
    );
    expect((JSON.parse(cli(m).stdout) as { files?: string[] }).files).toEqual(['/etc/f.conf']);
    expect((JSON.parse(cli(m, '--no-files').stdout) as { files?: string[] }).files).toBeUndefined();
  });

  it('exits 2 on a usage error', () => {
    const r = cli('--frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('import: unknown option --frobnicate');
  });
});
