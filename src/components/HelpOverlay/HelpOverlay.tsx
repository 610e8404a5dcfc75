/** The ? overlay: every key, and how to read the screen. A modal dialog; Esc or the button closes it. */
import { useEffect, useRef } from 'react';
import { useUi, useUiActions } from '../../session/react/context.tsx';
import { KEYMAP } from '../../session/keymap.ts';
import { LINK_HARD_LIMIT, LINK_SOFT_LIMIT } from '../../share/codec.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './HelpOverlay.module.css';

export function HelpOverlay() {
  const ui = useUiActions();
  const open = useUi((s) => s.helpOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby="help-title"
      onClose={() => ui.setHelpOpen(false)}
      onClick={(e) => {
        if (e.target === e.currentTarget) ui.setHelpOpen(false);
      }}
      data-testid="help"
    >
      {open && (
        <div className={styles.body}>
          <header className={styles.head}>
            <h2 id="help-title">bootgraph — keys and how to read it</h2>
            <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon" aria-label="Close help" onClick={() => ui.setHelpOpen(false)} autoFocus>
              <Icon name="close" />
            </button>
          </header>
          <div className={styles.cols}>
            <section>
              <h3 className="ui-eyebrow">Keyboard</h3>
              <table className={styles.keys}>
                <tbody>
                  {KEYMAP.map((k) => (
                    <tr key={k.command}>
                      <td className={styles.keyCell}>
                        {k.keys.map((key, i) => (
                          <span key={key}>
                            {i > 0 && ' + '}
                            <kbd className="ui-kbd">{key}</kbd>
                          </span>
                        ))}
                      </td>
                      <td>{k.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className={styles.read}>
              <h3 className="ui-eyebrow">Reading the screen</h3>
              <p>
                bootgraph runs a model of <strong>svc.startd</strong>, the SMF restarter, over the scenario’s services. The trace it produces is the truth; everything on screen
                is that trace at the playhead.
              </p>
              <p>
                <strong>Graph.</strong> One node per service instance, placed below what it depends on; arrows point from a service to its dependencies. Colour, shape, border
                and the glyph all say the state (see the legend); line style says the dependency grouping. A glow means a method is running. Big graphs: group them with
                “Show”, or focus on the selected service.
              </p>
              <p>
                <strong>Timeline.</strong> Each row is a service in start order: thin grey = waiting for dependencies, blue = start method running, green = online, red =
                maintenance; ✕ marks a failed method, ▲ a contract event, ◆ a command. Select a service to outline its critical chain; click the time axis to jump.
              </p>
              <p>
                <strong>Inspector.</strong> The selected service as <code>svcs -l</code> and <code>svcs -xv</code> would show it at this instant. The svcadm buttons add a command
                at the playhead; the rest of the boot is re-simulated.
              </p>
              <p>
                <strong>Conditions.</strong> Change how the system boots; the boot is simulated again at once and the playhead stays where it is.
              </p>
              <p>
                <strong>Teaching.</strong> <strong>Tour</strong> narrates the scenario step by step (Back and Next move the playhead; Play stops at the next step) and ends
                with a prediction the model checks. <strong>Compare</strong> sets this boot against its next boot or one changed condition. Dotted-underlined words explain
                themselves on hover or focus.
              </p>
              <p data-testid="help.links">
                <strong>Share, files and import.</strong> Share copies a link holding the scenario, your changes, the instant, the selection and the view, all after
                the <code>#</code> (nothing goes to a server; old links keep working). Links up to {LINK_SOFT_LIMIT.toLocaleString('en-US')} characters travel
                anywhere; longer ones work in browsers but chat tools may cut them; above {LINK_HARD_LIMIT.toLocaleString('en-US')} characters bootgraph offers the
                scenario file instead. Your work is saved in this browser and comes back on your next plain visit. Import opens a scenario file or SMF manifests
                (.xml, or drop them on the window); Edit changes the scenario as JSON; Export saves the scenario, the graph (PNG, SVG), the trace or a Graphviz file.
              </p>
            </section>
          </div>
        </div>
      )}
    </dialog>
  );
}
