/** One message at a time (imports, links, problems), dismissible, announced politely. */
import { useEffect } from 'react';
import { useUi, useUiActions } from '../../session/react/context.tsx';
import { Icon } from '../Icon/Icon.tsx';
import styles from './Toast.module.css';

export function Toast() {
  const ui = useUiActions();
  const toast = useUi((s) => s.toast);
  useEffect(() => {
    if (toast === undefined || toast.tone === 'error') return undefined;
    const t = setTimeout(() => {
      ui.dismissToast(toast.id);
    }, 6000);
    return () => clearTimeout(t);
  }, [toast, ui]);
  return (
    <div className={styles.region} role="status" aria-live="polite">
      {toast !== undefined && (
        <div className={`${styles.toast} ${styles[toast.tone] ?? ''}`} data-testid="toast">
          <span className={styles.text}>{toast.text}</span>
          <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon ui-btn-sm" aria-label="Dismiss" onClick={() => ui.dismissToast()}>
            <Icon name="close" size={13} />
          </button>
        </div>
      )}
    </div>
  );
}
