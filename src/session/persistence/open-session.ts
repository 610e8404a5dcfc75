/**
 * Which session the app opens with, from the address and the autosave
 * (issue 6): a `#v1.` link opens exactly its state; an old `?preset=` address
 * opens that preset; a bad link opens the default scenario with a message;
 * a plain visit restores the autosaved work, or the default scenario. Pure.
 */
import type { ShareStateV1 } from '../../share/share-state.ts';
import type { AddressRequest } from './address.ts';
import type { AutosaveRecord } from './autosave-record.ts';
import { fromShareState } from './session-io.ts';
import type { SessionState } from '../document.ts';

export interface Opening {
  readonly session: SessionState;
  /** A problem to show (bad link, unknown preset in an old address). */
  readonly problem?: string;
  /** The session came from the address (a link or an old-style query): it is not the user's work yet. */
  readonly fromAddress: boolean;
  /** The autosave was restored. */
  readonly restored: boolean;
}

export function defaultSession(presetId: string): SessionState {
  return { version: 1, source: { kind: 'preset', id: presetId }, conditions: {}, interventions: [], boot: 0, playhead: 0 };
}

/** The session a link's state opens; an inline scenario keeps the importer's findings when the autosave has them. */
export function sessionFromShared(state: ShareStateV1, defaultPreset: string, imported?: AutosaveRecord['imported']): SessionState {
  const session = fromShareState(state, defaultPreset);
  if (session.source.kind !== 'inline' || imported === undefined) return session;
  return { ...session, source: { ...session.source, imported } };
}

export function openingFor(request: AddressRequest, autosave: AutosaveRecord | undefined, defaultPreset: string, knownPresets: readonly string[]): Opening {
  switch (request.kind) {
    case 'link': {
      const notices = [...request.notices];
      const session = fromShareState(request.state, defaultPreset, notices);
      const problems = [
        ...(request.warnings.length > 0 ? [`This link was made by a newer bootgraph; some of it was ignored (${request.warnings.join('; ')}).`] : []),
        ...(notices.length > 0 ? [`The link was opened with changes: ${notices.join('; ')}.`] : []),
      ];
      return { session, ...(problems.length > 0 ? { problem: problems.join(' ') } : {}), fromAddress: true, restored: false };
    }
    case 'legacy': {
      const r = request.request;
      const session: SessionState = {
        ...defaultSession(r.preset ?? defaultPreset),
        playhead: r.t ?? 0,
        ...(r.select === undefined ? {} : { selected: r.select }),
      };
      return { session, ...(r.problems.length > 0 ? { problem: r.problems.join(' ') } : {}), fromAddress: true, restored: false };
    }
    case 'bad':
      return { session: defaultSession(defaultPreset), problem: request.message, fromAddress: true, restored: false };
    case 'plain':
      if (autosave !== undefined && (autosave.state.p === undefined || knownPresets.includes(autosave.state.p))) return { session: sessionFromShared(autosave.state, defaultPreset, autosave.imported), fromAddress: false, restored: true };
      return { session: defaultSession(defaultPreset), fromAddress: false, restored: false };
  }
}
