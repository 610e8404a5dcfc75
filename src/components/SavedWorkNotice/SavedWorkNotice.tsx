/**
 * What happened to the work saved in this browser (issue 15), said once at
 * start and reachable later from Export → Saved work: safe mode (the last
 * visit did not finish opening the saved work, so it was not reopened),
 * records kept aside because they could not be read, a copy of work another
 * tab has open, and the other saved sessions, each with open, download and
 * discard. Everything shown is text (scenario names come from files and links).
 */
import { useCommands } from '../../session/react/use-commands.ts';
import { useSavedWork } from '../../session/react/context.tsx';
import { Icon } from '../Icon/Icon.tsx';
import styles from './SavedWorkNotice.module.css';

export function SavedWorkNotice() {
  const view = useSavedWork();
  const commands = useCommands();
  if (!view.visible) return null;
  const nothing = view.safeMode === undefined && view.aside.length === 0 && view.copiedFrom === undefined && view.others.length === 0;
  return (
    <section className={styles.notice} role={view.safeMode !== undefined ? 'alert' : 'status'} aria-label="Saved work" data-testid="saved.notice">
      <header className={styles.head}>
        <Icon name={view.safeMode !== undefined ? 'warning' : 'file'} size={16} />
        <h2 className={styles.title}>{view.safeMode !== undefined ? 'Safe mode: your saved work was not reopened' : 'Saved work in this browser'}</h2>
        <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon ui-btn-sm" aria-label="Close" onClick={() => commands.dismissSavedWork()} data-testid="saved.close">
          <Icon name="close" size={13} />
        </button>
      </header>
      {view.safeMode !== undefined && (
        <div className={styles.item} data-testid="saved.safe">
          <p className={styles.text}>
            The last visit did not finish opening {view.safeMode.description}: it crashed or froze the page. It is kept, untouched, and will not open by
            itself. The default scenario is open instead.
          </p>
          <div className={styles.actions}>
            <button type="button" className="ui-btn ui-btn-sm" onClick={() => commands.openSavedWork(view.safeMode?.key ?? '')} data-testid="saved.safe.open">
              Open it anyway
            </button>
            <button type="button" className="ui-btn ui-btn-sm" onClick={() => commands.downloadSavedWork(view.safeMode?.key ?? '')} data-testid="saved.safe.download">
              Download it
            </button>
            <button type="button" className="ui-btn ui-btn-sm ui-btn-ghost" onClick={() => commands.discardSavedWork(view.safeMode?.key ?? '')} data-testid="saved.safe.discard">
              Discard it
            </button>
          </div>
        </div>
      )}
      {view.copiedFrom !== undefined && (
        <p className={styles.text} data-testid="saved.copy">
          Your latest work, {view.copiedFrom}, is open in another tab. This tab shows a copy and saves it separately, so neither tab overwrites the other.
        </p>
      )}
      {view.aside.map((a) => (
        <div className={styles.item} key={a.key} data-testid="saved.aside">
          <p className={styles.text}>
            {a.description}{a.reason === 'newer' ? ' could not be opened here' : ' could not be read'}. It was kept aside, not overwritten.
          </p>
          <div className={styles.actions}>
            <button type="button" className="ui-btn ui-btn-sm" onClick={() => commands.downloadSavedWork(a.key)} data-testid="saved.aside.download">
              Download it
            </button>
            <button type="button" className="ui-btn ui-btn-sm ui-btn-ghost" onClick={() => commands.discardSavedWork(a.key)} data-testid="saved.aside.discard">
              Discard it
            </button>
          </div>
        </div>
      ))}
      {view.others.length > 0 && (
        <div className={styles.item}>
          <p className={styles.text}>Other saved sessions (one per tab, newest first):</p>
          <ul className={styles.list}>
            {view.others.map((o) => (
              <li key={o.key} className={styles.row} data-testid="saved.other">
                <span className={styles.what}>{o.description}</span>
                <button type="button" className="ui-btn ui-btn-sm" onClick={() => commands.openSavedWork(o.key)} data-testid="saved.other.open">
                  Open
                </button>
                <button type="button" className="ui-btn ui-btn-sm ui-btn-ghost" onClick={() => commands.discardSavedWork(o.key)} data-testid="saved.other.discard">
                  Discard
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {nothing && <p className={styles.text}>Nothing else is saved in this browser: your work is saved as you go.</p>}
    </section>
  );
}
