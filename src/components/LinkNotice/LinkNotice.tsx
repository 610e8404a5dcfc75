/**
 * The message about the link the page was opened with (issue 6): what was
 * wrong with it, in the codec's words, shown as text (a link is never
 * rendered as markup), with a way back to the user's autosaved work and a
 * dismiss button. The default scenario is already open underneath; opening
 * another scenario dismisses the message.
 */
import { useEffect, useRef } from 'react';
import { useDoc, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './LinkNotice.module.css';

export function LinkNotice() {
  const ui = useUiActions();
  const commands = useCommands();
  const notice = useUi((s) => s.linkNotice);
  const source = useDoc((s) => s.source);
  // The scenario on screen when the message appeared.
  const shownWith = useRef<{ id: number; source: typeof source } | undefined>(undefined);
  useEffect(() => {
    if (notice === undefined) return;
    if (shownWith.current?.id !== notice.id) shownWith.current = { id: notice.id, source };
    else if (shownWith.current.source !== source) ui.dismissLinkNotice();
  }, [notice, source, ui]);
  if (notice === undefined) return null;
  const dismiss = (): void => ui.dismissLinkNotice();
  return (
    <div className={styles.notice} role="alert" data-testid="link.notice">
      <Icon name="warning" size={16} />
      <p className={styles.text} data-testid="link.notice.text">
        {notice.text}
      </p>
      {notice.restorable && (
        <button
          type="button"
          className="ui-btn ui-btn-sm"
          onClick={() => {
            if (commands.restoreAutosave()) dismiss();
          }}
          data-testid="link.notice.restore"
        >
          Open my last session
        </button>
      )}
      <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon ui-btn-sm" aria-label="Dismiss" onClick={dismiss} data-testid="link.notice.dismiss">
        <Icon name="close" size={13} />
      </button>
    </div>
  );
}
