import { describe, expect, it } from 'vitest';
import { loadOnce } from './load-once.ts';

/** An importer whose calls are counted and whose results the test settles. */
function importer<T>() {
  const calls: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const fn = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { fn, calls };
}

describe('loadOnce', () => {
  it('imports once for every caller, and has the value synchronously once it has arrived', async () => {
    const imp = importer<string>();
    const once = loadOnce(imp.fn);
    expect(once.loaded()).toBeUndefined();
    const a = once.load();
    const b = once.load();
    expect(imp.calls).toHaveLength(1);
    expect(once.loaded()).toBeUndefined();
    imp.calls[0]?.resolve('module');
    expect(await a).toBe('module');
    expect(await b).toBe('module');
    expect(once.loaded()).toBe('module');
    expect(await once.load()).toBe('module');
    expect(imp.calls).toHaveLength(1);
  });

  it('forgets a failed import: the callers waiting see the failure, the next caller imports again', async () => {
    const imp = importer<number>();
    const once = loadOnce(imp.fn);
    const first = once.load();
    imp.calls[0]?.reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    expect(once.loaded()).toBeUndefined();
    const again = once.load();
    expect(imp.calls).toHaveLength(2);
    imp.calls[1]?.resolve(42);
    expect(await again).toBe(42);
    expect(once.loaded()).toBe(42);
  });

  it('keeps a falsy value as arrived', async () => {
    const once = loadOnce(() => Promise.resolve(0));
    await once.load();
    expect(once.loaded()).toBe(0);
  });
});
