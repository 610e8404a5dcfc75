/**
 * The Share button and its popover (issue 6): makes the `#v1.` link to the
 * state on screen, puts it in the address bar (a history entry), copies it,
 * and shows it with its length. A link over the soft limit gets a warning
 * (chat tools cut long links); over the hard limit there is no link and the
 * scenario file is offered instead. Everything shown is text.
 */
import { useEffect, useRef, useState } from 'react';
import { useRunState } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import type { ShareOutcome } from '../../session/persistence/link-history.ts';
import { LINK_HARD_LIMIT, LINK_SOFT_LIMIT } from '../../share/codec.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './SharePopover.module.css';

type Copy = 'pending' | 'copied' | 'manual';

const fmt = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure context): the old way, from the selected field.
    if (input === null) return false;
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** "the instant 1.000 s, network/physical selected, 2 changed conditions, 1 command" */
function contents(o: ShareOutcome): string {
  const st = o.state;
  const parts = [st.p !== undefined ? 'the built-in scenario' : 'the whole scenario', `the instant ${((st.t ?? 0) / 1000).toFixed(3)} s`];
  if (st.sel !== undefined) parts.push(`${shortFmri(st.sel)} selected`);
  const c = Object.keys(st.c ?? {}).length;
  if (c > 0) parts.push(plural(c, 'changed condition'));
  const a = st.a?.length ?? 0;
  if (a > 0) parts.push(plural(a, 'command'));
  if (st.boot !== undefined) parts.push(`boot ${st.boot}`);
  if (st.view !== undefined) parts.push('the zoom and position of the graph');
  if (st.tour !== undefined) parts.push('the tour step');
  if (st.ui !== undefined) parts.push('the layout of the view');
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}` : (parts[0] ?? '');
}

export function SharePopover() {
  const commands = useCommands();
  const [outcome, setOutcome] = useState<ShareOutcome | undefined>(undefined);
  const [copy, setCopy] = useState<Copy>('pending');
  const [embed, setEmbed] = useState<{ readonly code: string; readonly copy: Copy } | undefined>(undefined);
  // The Share button is in the top bar, shown while a scenario is still loading too.
  const runState = useRunState();
  const scenarioName = runState.status === 'ready' ? runState.run.base.name : 'scenario';
  const wrap = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = outcome !== undefined;

  const close = (focusButton: boolean): void => {
    setOutcome(undefined);
    if (focusButton) button.current?.focus();
  };

  const share = (): void => {
    commands.pause();
    const o = commands.share();
    if (o === undefined) return;
    setOutcome(o);
    setCopy('pending');
    setEmbed(undefined);
  };

  const copyEmbed = (state: ShareOutcome['state']): void => {
    const code = commands.embedCode(state, window.location.href, scenarioName);
    if (code === undefined) return;
    setEmbed({ code, copy: 'pending' });
    void copyText(code, null).then((ok) => setEmbed({ code, copy: ok ? 'copied' : 'manual' }));
  };

  // Copy as soon as the link is on screen (the click's user activation still holds).
  useEffect(() => {
    if (outcome === undefined || !outcome.ok) return undefined;
    let live = true;
    void copyText(outcome.href, input.current).then((ok) => live && setCopy(ok ? 'copied' : 'manual'));
    return () => {
      live = false;
    };
  }, [outcome]);

  useEffect(() => {
    if (!open) return undefined;
    const el = input.current;
    // Select the whole link but show its start (select() would scroll to the end).
    el?.focus();
    el?.setSelectionRange(0, el.value.length, 'backward');
    if (el !== null) el.scrollLeft = 0;
    const onDown = (e: MouseEvent): void => {
      if (wrap.current !== null && e.target instanceof Node && !wrap.current.contains(e.target)) close(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div className={styles.wrap} ref={wrap}>
      <button
        ref={button}
        type="button"
        className="ui-btn ui-btn-ghost"
        onClick={() => (open ? close(false) : share())}
        aria-expanded={open}
        aria-haspopup="dialog"
        data-testid="share"
        title="Copy a link to this scenario, instant, selection and changes"
      >
        <Icon name="share" /> Share
      </button>
      {outcome !== undefined && (
        <div
          className={styles.pop}
          role="dialog"
          aria-labelledby="share-title"
          data-testid="share.dialog"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close(true);
            }
          }}
        >
          <header className={styles.head}>
            <h2 id="share-title" className={styles.title}>
              {outcome.ok ? 'Share this moment' : 'Too large for a link'}
            </h2>
            <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon ui-btn-sm" aria-label="Close" onClick={() => close(true)}>
              <Icon name="close" size={13} />
            </button>
          </header>
          {outcome.ok ? (
            <>
              <div className={styles.row}>
                <input
                  ref={input}
                  className={`ui-input ${styles.link}`}
                  readOnly
                  value={outcome.href}
                  aria-label="Link to this state"
                  spellCheck={false}
                  onFocus={(e) => e.currentTarget.setSelectionRange(0, e.currentTarget.value.length, 'backward')}
                  data-testid="share.link"
                />
                <button
                  type="button"
                  className="ui-btn ui-btn-primary"
                  onClick={() => void copyText(outcome.href, input.current).then((ok) => setCopy(ok ? 'copied' : 'manual'))}
                  data-testid="share.copy"
                >
                  <Icon name="copy" size={14} /> Copy
                </button>
              </div>
              <p className={styles.status} role="status" data-testid="share.status">
                {copy === 'copied' && (
                  <span className={styles.ok}>
                    <Icon name="check" size={13} /> Copied to the clipboard
                  </span>
                )}
                {copy === 'manual' && <span>Press Ctrl+C (⌘C) to copy the selected link</span>}
                {copy === 'pending' && <span>Copying…</span>}
                <span className={styles.len} data-testid="share.length">
                  {fmt(outcome.length)} characters
                </span>
              </p>
              {outcome.long && (
                <p className={styles.warn} data-testid="share.long">
                  <Icon name="warning" size={14} />
                  <span>
                    This link is long ({fmt(outcome.length)} characters). Browsers open it, but chat tools and mailers may cut links over {fmt(LINK_SOFT_LIMIT)} characters:
                    if it arrives broken, send the scenario file.
                  </span>
                </p>
              )}
              <div className={styles.embedRow}>
                <button
                  type="button"
                  className="ui-btn"
                  onClick={() => copyEmbed(outcome.state)}
                  data-testid="share.embed"
                  title="An <iframe> with a minimal player of this moment (graph, transport, explanation, tour), for a course page or a slide"
                >
                  <Icon name="code" size={14} /> Copy embed code
                </button>
                {embed?.copy === 'copied' && (
                  <span className={styles.ok} role="status">
                    <Icon name="check" size={13} /> Embed code copied
                  </span>
                )}
                {embed?.copy === 'manual' && <span role="status">Select the code below and press Ctrl+C (⌘C)</span>}
              </div>
              {embed !== undefined && (
                <textarea
                  className={`ui-input ${styles.embedCode}`}
                  readOnly
                  value={embed.code}
                  aria-label="Embed code"
                  rows={3}
                  spellCheck={false}
                  onFocus={(e) => e.currentTarget.select()}
                  data-testid="share.embed-code"
                />
              )}
              <p className={styles.what}>
                It opens {contents(outcome)}. Everything is in the link itself, after the #; nothing is stored on a server, and links keep working in later versions.
              </p>
            </>
          ) : (
            <p className={styles.warn} data-testid="share.too-long">
              <Icon name="warning" size={14} />
              <span>{outcome.message}</span>
            </p>
          )}
          <footer className={styles.foot}>
            <span className={styles.limits}>
              Links up to {fmt(LINK_SOFT_LIMIT)} characters travel anywhere; up to {fmt(LINK_HARD_LIMIT)} they work in browsers; above that, share the file.
            </span>
            <button type="button" className={outcome.ok ? 'ui-btn' : 'ui-btn ui-btn-primary'} onClick={() => commands.downloadScenario()} data-testid="share.download">
              <Icon name="download" size={14} /> Download scenario file
            </button>
          </footer>
        </div>
      )}
    </div>
  );
}
