/**
 * method.c's verdict on a method's exit (docs/smf-semantics.md §7.3, 2009
 * differences §11), as a pure function: what the restarter does next and
 * what svc.startd logs. The engine applies it.
 */
import type { ExitValue } from '../model/scenario/types.ts';
import type { EraRules } from '../model/smf/era-rules.ts';
import type { StartOutcome } from './console-text.ts';

export type ExitVerdict =
  /** Success: next_state is reached. `contract` says whether a primary contract now exists (start only). */
  | { readonly kind: 'ok'; readonly contract: boolean }
  /** Start exited 97 ($SMF_EXIT_MON_DEGRADE, 2025): degraded. */
  | { readonly kind: 'degraded' }
  /** Not retryable: maintenance at once (95, 96, 99, 100), with the console outcome. */
  | { readonly kind: 'fatal'; readonly outcome: StartOutcome }
  /** Retryable: re-run at once, unless this was the FAULT_THRESHOLD-th consecutive failure. */
  | { readonly kind: 'retry' };

export interface ExitContext {
  readonly rules: EraRules;
  readonly method: 'start' | 'stop' | 'refresh';
  readonly model: 'transient' | 'contract' | 'wait';
  readonly exec: string;
}

export function classifyExit(exit: ExitValue, ctx: ExitContext): ExitVerdict {
  if (exit === 0) return { kind: 'ok', contract: ctx.method === 'start' && ctx.model === 'contract' && ctx.exec !== ':true' };
  if (typeof exit !== 'number') return { kind: 'retry' }; // killed by a signal (or a timeout with timeout_retry)
  if (ctx.rules.exitNoDaemon && exit === 94) return { kind: 'ok', contract: false }; // SMF_EXIT_NODAEMON
  if (ctx.rules.degraded && exit === 97) return ctx.method === 'start' ? { kind: 'degraded' } : { kind: 'ok', contract: false };
  if (exit === 96) return { kind: 'fatal', outcome: 'CONFIGURATION' };
  if (exit === 95) return { kind: 'fatal', outcome: 'FATAL' };
  if (exit === 99 || exit === 100) return { kind: 'fatal', outcome: 'OTHER' };
  return { kind: 'retry' };
}

/** Whether svc.startd logs `Method "…" failed with exit status N.` (2009: any non-zero; 2025: not 0, 94, 97). */
export function logsMethodFailure(exit: ExitValue, rules: EraRules): boolean {
  if (exit === 0) return false;
  if ((rules.exitNoDaemon && exit === 94) || (rules.degraded && exit === 97)) return false;
  return true;
}
