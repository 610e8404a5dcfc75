/**
 * Issue 18: a link's instant past the end of its boot opens at the end, with
 * a notice naming both instants; an instant inside the boot is left alone and
 * says nothing; the check happens once per link, after the boot is simulated.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from './create-session.ts';
import { applySession } from './persistence/session-io.ts';
import type { SessionState } from './document.ts';

const link = (playhead: number): SessionState => ({ version: 1, source: { kind: 'preset', id: 'demo-restart-on' }, conditions: {}, interventions: [], boot: 0, playhead });

async function opened(playhead: number) {
  const s = createSession();
  applySession(s, link(playhead));
  await s.runs.whenSettled();
  const end = s.runs.current()?.trace.endTime;
  if (end === undefined) throw new Error('no run');
  return { s, end };
}

describe('a link instant checked against its boot', () => {
  it('past the end: the end, and a notice with both instants', async () => {
    const { s, end } = await opened(999_999_000);
    const ui = s.ui.getState();
    expect(ui.playhead).toBe(end);
    expect(ui.linkInstant).toBe(false);
    expect(ui.linkNotice?.text).toMatch(/The link's instant \(16666 min 39\.000 s\) is past the end of this boot \(.+\): showing the end\./);
    s.dispose();
  });

  it('inside the boot: unchanged, no notice', async () => {
    const { s, end } = await opened(1000);
    expect(end).toBeGreaterThan(1000);
    expect(s.ui.getState().playhead).toBe(1000);
    expect(s.ui.getState().linkNotice).toBeUndefined();
    s.dispose();
  });

  it('only a link instant: the user moving past the end later is not clamped by it', async () => {
    const { s, end } = await opened(1000);
    s.ui.getState().setPlayhead(end + 5000);
    s.doc.getState().replace({ ...link(0), conditions: { 'boot.mode': 'single' } });
    await s.runs.whenSettled();
    expect(s.ui.getState().playhead).toBe(end + 5000);
    expect(s.ui.getState().linkNotice).toBeUndefined();
    s.dispose();
  });
});
