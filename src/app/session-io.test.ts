import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareState } from '../share/codec.ts';
import { createServices } from './services.ts';
import { applySession, captureSession, fromShareState, toShareState } from './session-io.ts';
import type { SessionState } from './session.ts';

const session: SessionState = {
  version: 1,
  source: { kind: 'preset', id: 'demo-restart-on' },
  conditions: { 'boot.mode': 'single' },
  interventions: [{ at: 2000, run: 'svcadm restart svc:/site/db:default' }],
  boot: 0,
  playhead: 5020,
  selected: 'svc:/site/app:default',
};

describe('session state in and out', () => {
  it('captures and re-applies the session through the stores', () => {
    const s = createServices();
    applySession(s, session);
    expect(captureSession(s)).toEqual(session);
    s.player.stop();
  });

  it('round-trips through a v1 share link', () => {
    const { state, dropped } = toShareState(session);
    expect(dropped).toBe(0);
    const enc = encodeShareState(state);
    expect(enc.ok).toBe(true);
    if (!enc.ok) return;
    const dec = decodeShareFragment(`#${enc.fragment}`);
    expect(dec.ok).toBe(true);
    if (!dec.ok) return;
    expect(fromShareState(dec.state, 'x')).toEqual(session);
  });

  it('keeps the boot number (1-based in links) and says what a v1 link cannot carry', () => {
    const later: SessionState = { ...session, boot: 1, interventions: [{ at: 10, run: 'svcadm clear svc:/a:default' }, { at: 20, run: 'svcadm clear svc:/b:default', boot: 1 }] };
    const { state, dropped } = toShareState(later);
    expect(state.boot).toBe(2);
    expect(state.a).toEqual([{ at: 20, run: 'svcadm clear svc:/b:default' }]);
    expect(dropped).toBe(1);
    expect(fromShareState(state, 'x').interventions).toEqual([{ at: 20, run: 'svcadm clear svc:/b:default', boot: 1 }]);
  });
});
