/**
 * Feedback after every change (issue 13) while the workspace is on screen:
 * the session follows its run store (follow-change-feedback.ts), so the
 * playhead policy and the outcome summary are applied when a new run is
 * published, before anything renders it.
 */
import { useLayoutEffect } from 'react';
import { followChangeFeedback } from '../follow-change-feedback.ts';
import { useSession } from './context.tsx';

export function useChangeFeedback(): void {
  const session = useSession();
  useLayoutEffect(() => followChangeFeedback(session), [session]);
}
