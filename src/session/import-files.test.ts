import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XML_LIMITS } from '../model/import/xml.ts';
import { importPickedFiles, type PickedFile } from './import-files.ts';

const file = (name: string, text: string): PickedFile => ({ name, size: text.length, text: () => Promise.resolve(text) });
const fixture = (path: string): PickedFile => file(path.split('/').pop() ?? path, readFileSync(path, 'utf8'));
/** A file that must never be read. */
const unread = (name: string, size: number): PickedFile => ({ name, size, text: () => Promise.reject(new Error('read a file that should have been refused')) });

describe('importing picked or dropped files', () => {
  it('imports SMF manifests and lists the lint with file:line:col and the fmri', async () => {
    const r = await importPickedFiles([fixture('e2e/fixtures/bakery-manifest.xml')]);
    expect(r.kind).toBe('manifests');
    if (r.kind !== 'manifests') return;
    expect(r.scenario.services.map((s) => s.fmri)).toEqual(['svc:/bakery/oven', 'svc:/bakery/orders', 'svc:/bakery/shopfront']);
    expect(r.imported.files).toEqual(['bakery-manifest.xml']);
    const f = r.imported.findings.find((x) => x.code === 'missing-target');
    expect(f).toMatchObject({ severity: 'warning', file: 'bakery-manifest.xml', line: 33, fmri: 'svc:/bakery/shopfront' });
  });

  it('recognises a profile among the files (type="profile") and applies it after the manifests', async () => {
    const r = await importPickedFiles([fixture('e2e/fixtures/bakery-profile.xml'), fixture('e2e/fixtures/bakery-manifest.xml')]);
    expect(r.kind).toBe('manifests');
    if (r.kind !== 'manifests') return;
    expect(r.stats.profiles).toBe(1);
    expect(r.scenario.services.find((s) => s.fmri === 'svc:/bakery/shopfront')?.instances?.['default']?.enabled).toBe(false);
    expect(r.imported.findings.some((x) => x.code === 'profile-not-applied')).toBe(false);
  });

  it('refuses an oversized bundle without reading it, and imports the others', async () => {
    const r = await importPickedFiles([unread('huge.xml', XML_LIMITS.maxBytes + 1), fixture('e2e/fixtures/bakery-manifest.xml')]);
    expect(r.kind).toBe('manifests');
    if (r.kind !== 'manifests') return;
    expect(r.imported.findings[0]).toMatchObject({ severity: 'error', code: 'xml-too-large', file: 'huge.xml' });
    const only = await importPickedFiles([unread('huge.xml', 50 * 1024 * 1024)]);
    expect(only.kind).toBe('error');
    if (only.kind === 'error') expect(only.message).toContain('limit for a service bundle');
  });

  it('a malformed bundle alone is an error naming the line and column; nothing is opened', async () => {
    const r = await importPickedFiles([file('broken.xml', '<?xml version="1.0"?>\n<service_bundle type="manifest" name="x">\n  <service name="a">\n</service_bundle>\n')]);
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.message).toMatch(/broken\.xml:\d+:\d+/);
  });

  it('an entity bomb is refused cleanly', async () => {
    const r = await importPickedFiles([fixture('fixtures/bad/billion-laughs.xml')]);
    expect(r.kind).toBe('error');
  });

  it('opens one scenario file with the CLI validator; problems name the JSON path', async () => {
    const ok = await importPickedFiles([fixture('e2e/fixtures/failing-boot.json')]);
    expect(ok.kind).toBe('scenario');
    const bad = await importPickedFiles([file('s.json', '{"format": "bootgraph/1", "name": "x", "services": [{"fmri": "svc:/a", "start": {"duration": -5}}]}')]);
    expect(bad.kind).toBe('error');
    if (bad.kind === 'error') expect(bad.message).toContain('$.services[0].start.duration');
    const syntax = await importPickedFiles([file('s.json', '{"format": "bootgraph/1",\n "name": }')]);
    expect(syntax.kind === 'error' && syntax.message).toContain('line 2, column 10');
    const big = await importPickedFiles([unread('big.json', 6_000_000)]);
    expect(big.kind === 'error' && big.message).toContain('it was not read');
  });

  it('says what it cannot do: mixed kinds, several scenario files, other files, nothing', async () => {
    const json = file('a.json', '{}');
    const xml = file('a.xml', '<service_bundle/>');
    expect((await importPickedFiles([json, xml])).kind).toBe('error');
    expect((await importPickedFiles([json, file('b.json', '{}')])).kind).toBe('error');
    const other = await importPickedFiles([file('notes.txt', 'hi')]);
    expect(other.kind === 'error' && other.message).toContain('notes.txt');
    expect((await importPickedFiles([])).kind).toBe('error');
  });
});
