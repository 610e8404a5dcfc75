/**
 * Reading an input file in the CLI, bounded (issue 15): only regular files
 * (a device such as /dev/zero or a FIFO would never end, or never start: it is
 * opened non-blocking and refused), at most `maxBytes` (checked on the open
 * file, and again while reading, so a file that grows is still bounded).
 * Every failure is one line for exit 2.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export class ReadError extends Error {}

const MB = 1024 * 1024;
const describeBytes = (n: number): string => (n >= MB ? `${(n / MB).toFixed(n % MB === 0 ? 0 : 1)} MB` : `${n.toLocaleString('en-US')} bytes`);

function why(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many symbolic links';
  return code.length > 0 ? code : e instanceof Error ? e.message : String(e);
}

export function readBoundedFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new ReadError(`${path}: cannot read file (${why(e)})`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new ReadError(`${path}: is a directory, not a file`);
    if (!st.isFile()) {
      const kind = st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isFIFO() ? 'a pipe (FIFO)' : st.isSocket() ? 'a socket' : 'not a regular file';
      throw new ReadError(`${path}: is ${kind}; give a regular file`);
    }
    if (st.size > maxBytes) throw new ReadError(`${path}: ${describeBytes(st.size)} is larger than the ${describeBytes(maxBytes)} limit`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 * MB, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new ReadError(`${path}: more than the ${describeBytes(maxBytes)} limit`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(`${path}: cannot read file (${why(e)})`);
  } finally {
    closeSync(fd);
  }
}
