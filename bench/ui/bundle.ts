/**
 * JS transferred, gzip (node:zlib at its default level, as Vite's build
 * report and typical static servers compress): the files
 * index.html references (its module script and modulepreloads) are what
 * loads first; every other .js in assets/ loads lazily (cytoscape, ELK, the
 * presets). The e2e bridge chunk exists only in bench/e2e builds and is
 * reported apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface Chunk {
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly first: boolean;
}

export interface BundleReport {
  readonly firstGzipBytes: number;
  readonly firstRawBytes: number;
  readonly lazyGzipBytes: number;
  readonly lazyRawBytes: number;
  /** The first-load CSS (not JS; for completeness). */
  readonly cssGzipBytes: number;
  /** The test-bridge chunk (not in production builds). */
  readonly bridgeGzipBytes: number;
  readonly chunks: readonly Chunk[];
}

export function gzipSize(buf: Buffer): number {
  return gzipSync(buf).length;
}

export function bundleReport(outDir: string): BundleReport {
  const html = readFileSync(`${outDir}/index.html`, 'utf8');
  const referenced = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)) {
    if (m[1] !== undefined) referenced.add(m[1]);
  }
  const chunks: Chunk[] = [];
  let css = 0;
  for (const f of readdirSync(`${outDir}/assets`).sort()) {
    const buf = readFileSync(`${outDir}/assets/${f}`);
    if (f.endsWith('.css')) {
      if (referenced.has(`assets/${f}`)) css += gzipSize(buf);
      continue;
    }
    if (!f.endsWith('.js')) continue;
    chunks.push({ file: f, rawBytes: buf.length, gzipBytes: gzipSize(buf), first: referenced.has(`assets/${f}`) });
  }
  const isBridge = (c: Chunk): boolean => c.file.startsWith('e2e-bridge');
  const sum = (xs: readonly Chunk[], k: 'rawBytes' | 'gzipBytes'): number => xs.reduce((a, c) => a + c[k], 0);
  const first = chunks.filter((c) => c.first);
  const lazy = chunks.filter((c) => !c.first && !isBridge(c));
  return {
    firstGzipBytes: sum(first, 'gzipBytes'),
    firstRawBytes: sum(first, 'rawBytes'),
    lazyGzipBytes: sum(lazy, 'gzipBytes'),
    lazyRawBytes: sum(lazy, 'rawBytes'),
    cssGzipBytes: css,
    bridgeGzipBytes: sum(chunks.filter(isBridge), 'gzipBytes'),
    chunks,
  };
}

/** Gzip size of the assets a page fetched (URLs under /assets/). */
export function fetchedGzipBytes(outDir: string, urls: Iterable<string>): { js: number; files: string[] } {
  let js = 0;
  const files: string[] = [];
  for (const u of urls) {
    const m = /\/assets\/([^/?#]+\.js)(?:[?#].*)?$/.exec(u);
    if (m?.[1] === undefined || files.includes(m[1])) continue;
    files.push(m[1]);
    js += gzipSize(readFileSync(`${outDir}/assets/${m[1]}`));
  }
  return { js, files: files.sort() };
}
