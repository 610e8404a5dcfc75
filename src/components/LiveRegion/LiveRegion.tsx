/**
 * Announces state changes to screen readers, throttled: while playing it
 * says at most one short sentence per interval, coalescing everything that
 * changed in between. It follows the slow frame (the same as the frame when
 * paused): nothing it says needs every frame of playback.
 */
import { useEffect, useRef, useState } from 'react';
import { useRun, useSlowFrame, useStopReason } from '../../session/react/context.tsx';
import type { InstanceStatus } from '../../engine/index.ts';
import { announceChanges, stateChanges } from '../../selectors/narrate.ts';

const INTERVAL_MS = 1500;

export function LiveRegion() {
  const run = useRun();
  const frame = useSlowFrame();
  const reason = useStopReason();
  const [text, setText] = useState('');
  const spoken = useRef<{ trace: unknown; statuses: ReadonlyMap<string, InstanceStatus> } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ run, frame });
  useEffect(() => {
    latest.current = { run, frame };
  });

  useEffect(() => {
    if (timer.current !== undefined) return;
    const flush = (): void => {
      timer.current = undefined;
      const { run: r, frame: f } = latest.current;
      const prev = spoken.current;
      spoken.current = { trace: r.trace, statuses: f.statuses };
      if (prev === undefined || prev.trace !== r.trace) return;
      const msg = announceChanges(stateChanges(r.trace, prev.statuses, f.statuses));
      if (msg !== '') setText(msg);
    };
    if (spoken.current === undefined) {
      flush();
      return;
    }
    timer.current = setTimeout(flush, INTERVAL_MS);
  }, [frame, run]);

  useEffect(() => () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
  }, []);

  return (
    <>
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="live">
        {text}
      </div>
      <div className="sr-only" aria-live="assertive" aria-atomic="true">
        {reason ?? ''}
      </div>
    </>
  );
}
