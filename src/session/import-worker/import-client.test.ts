import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPickedFiles } from '../import-files.ts';
import { handleImport } from './handler.ts';
import { importOffThread, importWorkers, type ImportPort } from './import-client.ts';
import type { ImportReply, ImportRequest } from './protocol.ts';

const browserFile = (path: string): File => new File([readFileSync(path)], path.split('/').pop() ?? path, { type: 'text/xml' });
const MANIFESTS = ['e2e/fixtures/bakery-profile.xml', 'e2e/fixtures/bakery-manifest.xml'];

/** A worker that answers with the real handler, or misbehaves as told; records what it was sent. */
function fakeWorker(mode: 'answer' | 'crash' | 'fail'): { port: ImportPort; sent: ImportRequest[]; terminated: () => boolean } {
  const sent: ImportRequest[] = [];
  let terminated = false;
  const port: ImportPort = {
    onmessage: null,
    onerror: null,
    postMessage(m) {
      sent.push(m);
      if (mode === 'crash') {
        queueMicrotask(() => port.onerror?.(Object.assign(new Event('error', { cancelable: true }), { message: 'worker script failed' }) as ErrorEvent));
        return;
      }
      const reply: Promise<ImportReply> = mode === 'fail' ? Promise.resolve({ id: m.id, failed: 'out of memory' }) : handleImport(m);
      void reply.then((data) => port.onmessage?.(new MessageEvent('message', { data })));
    },
    terminate() {
      terminated = true;
    },
  };
  return { port, sent, terminated: () => terminated };
}

describe('importing off the page thread (issue 16)', () => {
  it('sends the browser Files to the worker and opens what it answers: the same outcome as importing here', async () => {
    const w = fakeWorker('answer');
    const files = MANIFESTS.map(browserFile);
    const got = await importOffThread(files, importWorkers(() => w.port));
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0]?.files).toEqual(files);
    expect(w.terminated()).toBe(true);
    expect(got.kind).toBe('manifests');
    expect(got).toEqual(await importPickedFiles(files));
  });

  it('imports here when the worker crashes, cannot be made, or fails the request: the import still gets its outcome', async () => {
    const files = MANIFESTS.map(browserFile);
    const here = await importPickedFiles(files);
    const crash = fakeWorker('crash');
    expect(await importOffThread(files, importWorkers(() => crash.port))).toEqual(here);
    expect(crash.terminated()).toBe(true);
    const fail = fakeWorker('fail');
    expect(await importOffThread(files, importWorkers(() => fail.port))).toEqual(here);
    expect(
      await importOffThread(
        files,
        importWorkers(() => {
          throw new Error('workers are blocked');
        }),
      ),
    ).toEqual(here);
  });

  it('never makes a worker for files that cannot be sent to one (not browser Files), or when there is none', async () => {
    const text = readFileSync('e2e/fixtures/bakery-manifest.xml', 'utf8');
    const plain = { name: 'bakery-manifest.xml', size: text.length, text: () => Promise.resolve(text) };
    let made = 0;
    const got = await importOffThread(
      [plain],
      importWorkers(() => {
        made++;
        return fakeWorker('answer').port;
      }),
    );
    expect(made).toBe(0);
    expect(got.kind).toBe('manifests');
    expect((await importOffThread([browserFile('e2e/fixtures/bakery-manifest.xml')], undefined)).kind).toBe('manifests');
  });

  it('a worker made ahead (warm) is the one the next import uses; the one after makes its own', async () => {
    const made: ReturnType<typeof fakeWorker>[] = [];
    const workers = importWorkers(() => {
      const w = fakeWorker('answer');
      made.push(w);
      return w.port;
    });
    workers.warm();
    workers.warm();
    expect(made).toHaveLength(1);
    const files = [browserFile('e2e/fixtures/bakery-manifest.xml')];
    expect((await importOffThread(files, workers)).kind).toBe('manifests');
    expect(made).toHaveLength(1);
    expect(made[0]?.sent).toHaveLength(1);
    expect(made[0]?.terminated()).toBe(true);
    await importOffThread(files, workers);
    expect(made).toHaveLength(2);
    expect(made[1]?.sent).toHaveLength(1);
  });
});
