/**
 * `svcs -xv` at the playhead, computed by the engine: each reason with its
 * SMF-8000 id (linked), the path to the root cause, and the impact list.
 * The exact text is one click away.
 */
import { useState } from 'react';
import type { Explanation as Ex } from '../../engine/index.ts';
import { useUiActions } from '../../session/react/context.tsx';
import { shortFmri } from '../../model/smf/fmri.ts';
import styles from './Explanation.module.css';

function FmriLink({ fmri }: { readonly fmri: string }) {
  const ui = useUiActions();
  if (fmri.startsWith('file:')) return <code className={styles.file}>{shortFmri(fmri)}</code>;
  return (
    <button type="button" className={styles.fmri} onClick={() => ui.select(fmri)} title={fmri}>
      {shortFmri(fmri)}
    </button>
  );
}

function msgUrl(ex: Ex, code: string): string | undefined {
  return ex.seeAlso.find((u) => u.endsWith(`/${code}`));
}

/** Dependents named at first; each "Show more" adds IMPACT_MORE (as the problem list does: a cause at 5,000 services holds back thousands). */
const IMPACT_SHOWN = 10;
const IMPACT_MORE = 50;

export function Explanation({ ex }: { readonly ex: Ex }) {
  const healthy = ex.reasons.length === 0;
  // How many dependents are drawn, for this service (another selection starts again at IMPACT_SHOWN).
  const [shown, setShown] = useState({ fmri: ex.fmri, limit: IMPACT_SHOWN });
  const limit = shown.fmri === ex.fmri ? shown.limit : IMPACT_SHOWN;
  const impact = ex.impact.slice(0, limit);
  const rest = ex.impact.length - impact.length;
  return (
    <div className={styles.root} data-testid="inspector.explanation">
      {healthy ? (
        <p className={styles.ok}>Running. Nothing to explain at this instant.</p>
      ) : (
        <ol className={styles.reasons}>
          {ex.reasons.map((r, i) => {
            const url = r.code === '' ? undefined : msgUrl(ex, r.code);
            return (
              <li key={`${r.code}-${i}`} className={styles.reason}>
                <div className={styles.reasonHead}>
                  {r.code !== '' &&
                    (url !== undefined ? (
                      <a className={styles.code} href={url} target="_blank" rel="noreferrer noopener" title="The knowledge article for this diagnosis">
                        {r.code}
                      </a>
                    ) : (
                      <span className={styles.code}>{r.code}</span>
                    ))}
                </div>
                <p className={styles.text}>{r.text.replace(/\n\s+/g, ' ')}</p>
                {r.path !== undefined && r.path.length > 1 && (
                  <div className={styles.path} aria-label="Path to the root cause">
                    {r.path.map((hop, k) => (
                      <span key={`${hop}-${k}`} className={styles.hop}>
                        {k > 0 && <span aria-hidden="true" className={styles.arrow}>→</span>}
                        <FmriLink fmri={hop} />
                      </span>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {ex.rootCauses.length > 0 && !(ex.rootCauses.length === 1 && ex.rootCauses[0] === ex.fmri) && (
        <p className={styles.line}>
          <span className={styles.key}>Root cause{ex.rootCauses.length > 1 ? 's' : ''}</span>
          {ex.rootCauses.map((c) => (
            <FmriLink key={c} fmri={c} />
          ))}
        </p>
      )}
      <div className={styles.line}>
        <span className={styles.key}>Impact</span>
        {ex.impact.length === 0 ? (
          <span className={styles.muted}>{healthy ? 'None.' : 'No dependent is held back by it.'}</span>
        ) : (
          <span className={styles.impact} data-testid="explanation.impact">
            {ex.impact.length} dependent{ex.impact.length === 1 ? ' is' : 's are'} not running:
            {impact.map((d) => (
              <FmriLink key={d} fmri={d} />
            ))}
            {rest > 0 && (
              <button type="button" className={styles.more} onClick={() => setShown({ fmri: ex.fmri, limit: limit + IMPACT_MORE })} data-testid="explanation.impact-more">
                Show {Math.min(rest, IMPACT_MORE)} more ({rest.toLocaleString('en-US')} not shown)
              </button>
            )}
            {rest <= 0 && limit > IMPACT_SHOWN && (
              <button type="button" className={styles.more} onClick={() => setShown({ fmri: ex.fmri, limit: IMPACT_SHOWN })} data-testid="explanation.impact-fewer">
                fewer
              </button>
            )}
          </span>
        )}
      </div>
      <details className={styles.raw}>
        <summary>svcs -xv output</summary>
        <pre className={styles.pre} data-testid="inspector.svcs-xv">{ex.verbose}</pre>
      </details>
    </div>
  );
}
