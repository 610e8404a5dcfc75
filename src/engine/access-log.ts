/**
 * The world access log of a trace (src/model/world/access.ts): what each
 * method read, opened, created, mounted, removed or changed, with the
 * instant. It travels in the world snapshot at the end of the boot
 * (trace.worldFinal.access); this reads it back, checked, once per trace.
 */
import { parseAccessLog, type WorldAccess } from '../model/world/access.ts';
import type { Trace } from './trace.ts';

const cache = new WeakMap<Trace, readonly WorldAccess[]>();

/** The access log of a trace, in order; empty for a scenario without a world (or a malformed log in a trace read from a file). */
export function accessLog(trace: Trace): readonly WorldAccess[] {
  const hit = cache.get(trace);
  if (hit !== undefined) return hit;
  const snap = trace.worldFinal;
  const raw = typeof snap === 'object' && snap !== null && 'access' in snap ? (snap as { access?: unknown }).access : undefined;
  const parsed = parseAccessLog(raw);
  const log = parsed.ok ? parsed.log : [];
  cache.set(trace, log);
  return log;
}

