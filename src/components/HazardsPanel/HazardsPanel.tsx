/**
 * Ordering hazards of the boot on screen (issue 17): what two services race
 * on, who makes it, who needs it, when each did, and whether this boot's
 * order was right or wrong; the dependency cycles the engine reported. A
 * click picks the hazard (both services marked on the graph, the reader in
 * the inspector) and jumps to the instant the reader needed it; each side's
 * time jumps to that side's instant. "Show on graph" draws every hazard.
 */
import { useMemo } from 'react';
import { PRESENT, hazardObject, hazardSummary, hazardWhy } from '../../engine/hazard-text.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { findHazards, type Hazard, type HazardAccess } from '../../engine/hazards.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { useRun, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { Term } from '../Term/Term.tsx';
import styles from './HazardsPanel.module.css';

function Side({ role, a, onJump }: { role: string; a: HazardAccess; onJump: (a: HazardAccess) => void }) {
  return (
    <div className={styles.side}>
      <span className={styles.role}>{role}</span>
      <span className={styles.fmri}>{shortFmri(a.fmri)}</span>
      <span className={styles.op}>
        {PRESENT[a.op]}
        {a.ok ? '' : `, fails${a.error === undefined ? '' : ` (${a.error})`}`}
      </span>
      <button
        type="button"
        className={`ui-btn ui-btn-sm ui-btn-ghost ${styles.time}`}
        onClick={(e) => {
          e.stopPropagation();
          onJump(a);
        }}
        title={`Go to ${formatTime(a.t)} and select ${shortFmri(a.fmri)}`}
        data-testid="hazard.jump"
      >
        at {formatTime(a.t)}
      </button>
    </div>
  );
}

function Row({ h, picked, onPick, onJump }: { h: Hazard; picked: boolean; onPick: (h: Hazard) => void; onJump: (a: HazardAccess) => void }) {
  const writes = h.kind === 'unordered-writes';
  return (
    // The whole card picks the hazard on a click; the button in it is the keyboard's way.
    <li className={`${styles.row} ${picked ? styles.picked : ''}`} onClick={() => onPick(h)} data-testid="hazard" data-id={h.id} data-object={h.object.name} data-right={String(h.right)}>
      <button
        type="button"
        className={styles.pick}
        aria-pressed={picked}
        onClick={(e) => {
          e.stopPropagation();
          onPick(h);
        }}
        title="Select both services on the graph and go to the instant the service needed it"
        data-testid="hazard.pick"
      >
        <span className={`${styles.badge} ${h.right ? styles.right : styles.wrong}`}>{h.right ? 'right this boot' : 'wrong this boot'}</span>
        <span className={styles.what}>{hazardObject(h)}</span>
      </button>
      <div className={styles.sides}>
        <Side role={writes ? 'written by' : 'made by'} a={h.writer} onJump={onJump} />
        <Side role={writes ? 'and by' : 'needed by'} a={h.reader} onJump={onJump} />
      </div>
      <p className={styles.text}>{hazardSummary(h)}</p>
      <p className={styles.why}>{hazardWhy(h)}</p>
    </li>
  );
}

export function HazardsPanel() {
  const commands = useCommands();
  const ui = useUiActions();
  const run = useRun();
  const onGraph = useUi((s) => s.hazardsOnGraph);
  const pick = useUi((s) => s.hazardPick);
  const report = useMemo(() => findHazards(run.trace), [run.trace]);
  const wrong = report.hazards.filter((h) => !h.right).length;
  const jump = (a: HazardAccess): void => commands.jumpTo(a.t, a.fmri);
  const onPick = (h: Hazard): void => commands.pickHazard(h.id, h.reader);
  return (
    <div className={`${styles.pane} ui-scroll`} data-testid="hazards">
      <div className={styles.head}>
        <p className={styles.summary} data-testid="hazards.summary">
          {report.hazards.length === 0 ? (
            <>No ordering <Term term="hazard">hazards</Term>: every service that needs something another service makes is ordered after it.</>
          ) : (
            <>
              {report.hazards.length} ordering <Term term="hazard">{report.hazards.length === 1 ? 'hazard' : 'hazards'}</Term>, {wrong} in the wrong order this boot. Nothing in the
              dependencies orders these services; timing (or a dependency the other way) decides.
            </>
          )}
        </p>
        <label className={styles.toggle}>
          <input type="checkbox" checked={onGraph} onChange={(e) => ui.setHazardsOnGraph(e.currentTarget.checked)} data-testid="hazards.on-graph" />
          Show on graph
        </label>
      </div>
      {report.hazards.length > 0 && (
        <ul className={styles.list} aria-label="Ordering hazards">
          {report.hazards.map((h) => (
            <Row key={h.id} h={h} picked={pick === h.id} onPick={onPick} onJump={jump} />
          ))}
        </ul>
      )}
      {report.cycles.length > 0 && (
        <div className={styles.cycles} data-testid="hazards.cycles">
          <p className={styles.cycleHead}>Dependency cycle{report.cycles.length === 1 ? '' : 's'} the engine reports (the instance that completes it is in maintenance):</p>
          {report.cycles.map((c) => (
            <p key={c.join(' ')} className={styles.cycle} data-testid="hazards.cycle">
              {c.map((f, k) => (
                <span key={`${f}-${k}`}>
                  {k > 0 && <span aria-hidden="true"> → </span>}
                  <button type="button" className={styles.link} onClick={() => ui.select(f)}>
                    {shortFmri(f)}
                  </button>
                </span>
              ))}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
