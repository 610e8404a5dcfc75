/**
 * The embeddable player (issue 18): what a link with the embed flag opens
 * inside an iframe of a course page or a slide. The graph, the transport, the
 * explanation of the selection (svcs -xv, or svcs -x when nothing is
 * selected) and the tour step if the link has one; no editing chrome (no
 * conditions, commands, import, edit, export or share). Everything is
 * keyboard reachable; "Open in bootgraph" opens the same moment in the full
 * app in a new tab.
 */
import { useState } from 'react';
import { useRun, useUi } from '../../session/react/context.tsx';
import { useInsight } from '../../session/react/insight.ts';
import { useCommands } from '../../session/react/use-commands.ts';
import { Explanation } from '../Explanation/Explanation.tsx';
import { GraphPanel } from '../GraphPanel/GraphPanel.tsx';
import { ProblemList } from '../ProblemList/ProblemList.tsx';
import { Transport } from '../Transport/Transport.tsx';
import { lazyPanel } from '../Lazy/lazy-panel.tsx';
import styles from './EmbedPlayer.module.css';

const TourPanel = lazyPanel('tour', () => import('../TourPanel/TourPanel.tsx').then((m) => m.TourPanel));

/** "Open in bootgraph": the link is made for the moment on screen when the reader points at it or focuses it (not on every frame). */
function OpenInApp() {
  const commands = useCommands();
  const make = (): string => commands.fullAppHref(window.location.href);
  const [href, setHref] = useState(make);
  const refresh = (): void => setHref(make());
  return (
    <a className={styles.open} href={href} target="_blank" rel="noopener noreferrer" onPointerEnter={refresh} onFocus={refresh} data-testid="embed.open">
      Open in bootgraph ↗
    </a>
  );
}

export function EmbedPlayer() {
  const run = useRun();
  const insight = useInsight();
  const selected = useUi((s) => s.selected);
  const tour = useUi((s) => s.tour);
  const ex = selected === undefined ? undefined : insight.explanation;
  return (
    <div className={styles.embed} data-testid="embed">
      <header className={styles.head}>
        <h1 className={styles.title}>{run.base.name}</h1>
        <OpenInApp />
      </header>
      {tour !== undefined && (
        <div className={styles.tour}>
          <TourPanel />
        </div>
      )}
      <div className={styles.body}>
        <section className={styles.graph} aria-label="Dependency graph">
          <GraphPanel minimal />
        </section>
        <aside className={styles.side} aria-label={ex !== undefined ? 'Why: svcs -xv' : 'svcs -x'} data-testid="embed.explanation">
          {ex !== undefined && selected !== undefined ? (
            <>
              <h2 className={styles.sideTitle}>
                svcs -xv <span className={styles.fmri}>{selected}</span>
              </h2>
              <Explanation ex={ex} />
            </>
          ) : (
            <ProblemList />
          )}
        </aside>
      </div>
      <div className={styles.transport}>
        <Transport />
      </div>
    </div>
  );
}
