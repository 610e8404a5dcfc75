/**
 * Panels that the first picture does not show are lazy chunks (issue 16,
 * first-graph JS): a panel's code is fetched when it is first shown, or
 * earlier, when the page is idle after the first graph (`preloadPanels`,
 * called from main.tsx), so a click rarely waits for it.
 *
 * Not React.lazy: a suspended render is revealed no sooner than 300 ms after
 * its fallback (React's Suspense throttle). The wrapper renders the panel at
 * once when its module has arrived, and a short "Loading…" line otherwise.
 */
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { loadOnce, type LoadOnce } from '../../lib/load-once.ts';
import styles from './lazy-panel.module.css';

const LOADERS: LoadOnce<unknown>[] = [];

type Shown = 'loading' | 'failed';

/**
 * A component that renders `importer`'s component once it has arrived. The
 * parent mounts it only when the panel is to be shown: mounting starts the fetch.
 */
export function lazyPanel<P extends object>(name: string, importer: () => Promise<ComponentType<P>>, placeholder: 'line' | 'none' = 'line'): ComponentType<P> {
  const l = loadOnce(importer);
  LOADERS.push(l);
  function LazyPanel(props: P): ReactNode {
    const [panel, setPanel] = useState<{ readonly c: ComponentType<P> } | Shown>(() => {
      const c = l.loaded();
      return c === undefined ? 'loading' : { c };
    });
    useEffect(() => {
      if (panel !== 'loading') return undefined;
      let live = true;
      l.load().then(
        (c) => live && setPanel({ c }),
        () => live && setPanel('failed'),
      );
      return () => {
        live = false;
      };
    }, [panel]);
    if (typeof panel === 'object') {
      const C = panel.c;
      return <C {...props} />;
    }
    if (placeholder === 'none' && panel === 'loading') return null;
    return (
      <p className={styles.line} role={panel === 'failed' ? 'alert' : 'status'} data-testid="lazy.placeholder">
        {panel === 'failed' ? (
          <>
            The {name} could not be loaded.{' '}
            <button type="button" className="ui-btn ui-btn-ghost ui-btn-sm" onClick={() => setPanel('loading')}>
              Try again
            </button>
          </>
        ) : (
          `Loading the ${name}…`
        )}
      </p>
    );
  }
  LazyPanel.displayName = `Lazy(${name})`;
  return LazyPanel;
}

/** Fetch every lazy panel's code now (the page is idle after the first graph). Failures are left for the panel to report when shown. */
export function preloadPanels(): Promise<void> {
  return Promise.allSettled(LOADERS.map((l) => l.load())).then(() => undefined);
}

/** True from the first render where `when` holds on (a panel mounted once stays mounted: its own state and focus handling keep working). */
export function useOnceTrue(when: boolean): boolean {
  const [was, setWas] = useState(when);
  useEffect(() => {
    if (when && !was) setWas(true);
  }, [when, was]);
  return was || when;
}
