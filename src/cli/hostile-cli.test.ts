/**
 * CLI hygiene against hostile input (issue 15), running the real CLIs as
 * child processes: terminal control sequences are shown, not obeyed; a closed
 * pipe ends quietly; -o never overwrites an input; devices and FIFOs are
 * refused at once (exit 2, one line); imported scenarios hold no absolute
 * paths; UTF-16 manifests import as UTF-8 ones do; too-large input exits 2
 * with one line naming the limit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chain, controlCharacters, deepJsonText, flat, oversizedString } from '../testing/hostile.ts';
import { LIMITS } from '../model/scenario/limits.ts';

const dir = mkdtempSync(join(tmpdir(), 'bootgraph-hostile-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cli: 'simulate' | 'import', ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${cli}.ts`, ...args], { encoding: 'utf8', cwd: process.cwd(), timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const oneLine = (r: { stderr: string }): void => {
  expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
};

// ESC, BEL, CSI (C1) and the other controls a scenario might carry.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const manifest = (name: string): string =>
  `<?xml version="1.0"?>\n<service_bundle type='manifest' name='${name}'><service name='site/${name}' type='service' version='1'><create_default_instance enabled='true'/><single_instance/>` +
  `<exec_method type='method' name='start' exec=':true' timeout_seconds='60'/><exec_method type='method' name='stop' exec=':kill' timeout_seconds='60'/></service></service_bundle>\n`;

describe('CLI hygiene (issue 15)', () => {
  it('escapes control characters from scenario text in the svcs output and in stderr; JSON escapes them the JSON way', () => {
    const path = file('evil.json', JSON.stringify(controlCharacters()));
    const text = run('simulate', path, '--explain', 'svc:/hostile/evil:default');
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    expect(text.stderr).not.toMatch(RAW_CONTROL);
    expect(text.stdout).toContain('\\x1b]0;owned\\x07');
    const json = run('simulate', path, '--format', 'json');
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    // Still the same JSON value.
    expect((JSON.parse(json.stdout) as { scenario: string }).scenario).toBe(controlCharacters().name);
  });

  it('ends quietly when the reader of its output goes away (| head)', () => {
    const path = file('flat.json', JSON.stringify(flat(3_000)));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx src/cli/simulate.ts "${path}" | head -n 1`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toMatch(/^STATE\s+STIME\s+FMRI\n$/);
    expect(r.stderr).toBe('');
  });

  it('refuses a device and a FIFO at once: exit 2, one line', () => {
    const zero = run('simulate', '/dev/zero');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toBe('simulate: /dev/zero: is a device; give a regular file\n');
    const fifo = join(dir, 'fifo.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = run('simulate', fifo);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`simulate: ${fifo}: is a pipe (FIFO); give a regular file\n`);
    expect(run('import', '/dev/zero').code).toBe(2);
  });

  it('exits 2 with one line naming the limit for oversized fields, deep JSON and too many services', () => {
    const name = run('simulate', file('long-name.json', JSON.stringify(oversizedString('name', LIMITS.name + 1))));
    expect(name.code).toBe(2);
    expect(name.stderr).toContain(`$.name: "name" is ${(LIMITS.name + 1).toLocaleString('en-US')} characters long, more than the ${LIMITS.name}`);
    oneLine(name);
    const deep = run('simulate', file('deep.json', deepJsonText(50_000)));
    expect(deep.code).toBe(2);
    expect(deep.stderr).toContain(`nested more than ${LIMITS.depth} levels deep`);
    oneLine(deep);
  });

  it(`simulates a ${(3_000).toLocaleString('en-US')}-service chain declared dependents-first (once a stack overflow, exit 1)`, () => {
    const r = run('simulate', file('chain.json', JSON.stringify(chain(3_000, 'dependents-first'))), '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { quiescent: boolean; final: Record<string, { state: string }> };
    expect(out.quiescent).toBe(true);
    expect(Object.values(out.final).every((s) => s.state === 'online')).toBe(true);
  });

  it('import: -o never overwrites an input manifest', () => {
    const inputs = join(dir, 'manifests');
    mkdirSync(inputs, { recursive: true });
    const a = join(inputs, 'a.xml');
    writeFileSync(a, manifest('a'));
    const r = run('import', inputs, '-o', a);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`import: refusing to write ${a}: it is one of the inputs (${a}); choose another -o\n`);
    expect(readFileSync(a, 'utf8')).toBe(manifest('a'));
  });

  it('import: paths in the scenario are relative, even for inputs outside the working directory', () => {
    const inputs = join(dir, 'elsewhere');
    mkdirSync(join(inputs, 'net'), { recursive: true });
    writeFileSync(join(inputs, 'net', 'b.xml'), manifest('b'));
    const r = run('import', inputs);
    expect(r.code).toBe(0);
    const scenario = JSON.parse(r.stdout) as { services: { manifest?: string }[] };
    expect(scenario.services.map((s) => s.manifest)).toEqual(['elsewhere/net/b.xml']);
    expect(r.stdout).not.toContain(dir);
  });

  it('import: a UTF-16 manifest (with or without a BOM) imports exactly as its UTF-8 original', () => {
    const utf8 = run('import', file('c.xml', manifest('c')));
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(manifest('c'), 'utf16le')]);
    const be = Buffer.from(manifest('c'), 'utf16le').swap16();
    for (const [name, bytes] of [['c16le.xml', le], ['c16be.xml', Buffer.concat([Buffer.from([0xfe, 0xff]), be])], ['c16nobom.xml', Buffer.from(manifest('c'), 'utf16le')]] as const) {
      const r = run('import', file(name, bytes));
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout) as { services: { fmri: string }[] };
      expect(s.services.map((x) => x.fmri)).toEqual((JSON.parse(utf8.stdout) as { services: { fmri: string }[] }).services.map((x) => x.fmri));
    }
    expect(existsSync(join(dir, 'c.json'))).toBe(false);
  });
});
