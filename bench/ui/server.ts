/**
 * The UI benchmark's server side: build the production bundle (with the test
 * bridge compiled in, VITE_E2E=1 / --mode e2e, exactly as the Playwright web
 * server does) into a directory of its own, add a trivial page as a noise
 * baseline, and serve both with `vite preview` on a free port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The page the app's cold load is compared with: same server, same browser, no app. */
export const TRIVIAL_PAGE = 'bench-trivial.html';

export function buildApp(outDir: string): { ms: number } {
  const started = Date.now();
  const r = spawnSync('npx', ['vite', 'build', '--mode', 'e2e', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, VITE_E2E: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  writeFileSync(
    `${outDir}/${TRIVIAL_PAGE}`,
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>trivial</title></head><body><p>trivial page</p><script>document.body.dataset.ready = "1";</script></body></html>\n',
  );
  return { ms: Date.now() - started };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface Preview {
  readonly url: string;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startPreview(outDir: string): Promise<Preview> {
  const port = await freePort();
  // The vite binary directly (not npx), so that stop() ends the server itself.
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/${TRIVIAL_PAGE}`, child, 30_000);
  } catch (err) {
    child.kill('SIGTERM');
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${stderr}`);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => {
          if (child.exitCode === null) child.kill('SIGKILL');
        }, 3000).unref();
      }),
  };
}
