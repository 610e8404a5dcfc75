/**
 * UTF-16 and byte-order marks mean the same in the app as in the CLI (issue
 * 15): a picked file's bytes go through src/lib/decode-text.ts, the decoder
 * `npm run import` uses.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importPickedFiles, type PickedFile } from './import-files.ts';

const bytesFile = (name: string, bytes: Buffer): PickedFile => ({
  name,
  size: bytes.length,
  text: () => Promise.resolve(bytes.toString('utf8')),
  arrayBuffer: () => Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer),
});

describe('picked files are decoded as the CLI decodes them', () => {
  const xml = readFileSync('e2e/fixtures/bakery-manifest.xml', 'utf8');
  const services = async (f: PickedFile): Promise<string[]> => {
    const r = await importPickedFiles([f]);
    expect(r.kind).toBe('manifests');
    return r.kind === 'manifests' ? r.scenario.services.map((s) => s.fmri) : [];
  };

  it('a UTF-16LE manifest with a BOM, a UTF-16BE one, one without a BOM and a UTF-8 one with a BOM import as the UTF-8 original', async () => {
    const expected = await services(bytesFile('bakery.xml', Buffer.from(xml, 'utf8')));
    expect(expected.length).toBeGreaterThan(0);
    const le = Buffer.from(xml, 'utf16le');
    expect(await services(bytesFile('le.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), le])))).toEqual(expected);
    expect(await services(bytesFile('be.xml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])))).toEqual(expected);
    expect(await services(bytesFile('nobom.xml', le))).toEqual(expected);
    expect(await services(bytesFile('bom8.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')])))).toEqual(expected);
  });
});
