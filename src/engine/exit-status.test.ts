import { describe, expect, it } from 'vitest';
import { classifyExit, logsMethodFailure } from './exit-status.ts';
import { ERA_RULES } from '../model/smf/era-rules.ts';

const start = { rules: ERA_RULES['2025'], method: 'start' as const, model: 'contract' as const, exec: '/lib/svc/method/x' };

describe('§7.3 method exit verdicts', () => {
  it('0 is success and leaves a contract for a forked contract-model start', () => {
    expect(classifyExit(0, start)).toEqual({ kind: 'ok', contract: true });
    expect(classifyExit(0, { ...start, exec: ':true' })).toEqual({ kind: 'ok', contract: false });
    expect(classifyExit(0, { ...start, model: 'transient' })).toEqual({ kind: 'ok', contract: false });
  });
  it('94 is success without a daemon (2025 only)', () => {
    expect(classifyExit(94, start)).toEqual({ kind: 'ok', contract: false });
    expect(classifyExit(94, { ...start, rules: ERA_RULES['2009'] })).toEqual({ kind: 'retry' });
  });
  it('95, 96, 99, 100 are fatal with the console outcome of log_transition()', () => {
    expect(classifyExit(96, start)).toEqual({ kind: 'fatal', outcome: 'CONFIGURATION' });
    expect(classifyExit(95, start)).toEqual({ kind: 'fatal', outcome: 'FATAL' });
    expect(classifyExit(99, start)).toEqual({ kind: 'fatal', outcome: 'OTHER' });
    expect(classifyExit(100, start)).toEqual({ kind: 'fatal', outcome: 'OTHER' });
  });
  it('97 degrades a start (2025), is plain success for stop, and a retryable failure in 2009', () => {
    expect(classifyExit(97, start)).toEqual({ kind: 'degraded' });
    expect(classifyExit(97, { ...start, method: 'stop' })).toEqual({ kind: 'ok', contract: false });
    expect(classifyExit(97, { ...start, rules: ERA_RULES['2009'] })).toEqual({ kind: 'retry' });
  });
  it('98 and anything else, and signals, are retryable', () => {
    for (const e of [1, 2, 98, 255, 'SIGSEGV' as const]) expect(classifyExit(e, start)).toEqual({ kind: 'retry' });
  });
  it('which exits log "Method … failed with exit status"', () => {
    expect([0, 94, 97, 1, 96].map((e) => logsMethodFailure(e, ERA_RULES['2025']))).toEqual([false, false, false, true, true]);
    expect([0, 94, 97].map((e) => logsMethodFailure(e, ERA_RULES['2009']))).toEqual([false, true, true]);
  });
});
