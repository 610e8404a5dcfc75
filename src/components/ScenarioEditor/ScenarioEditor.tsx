/**
 * The scenario JSON editor (issue 6): the base scenario as "bootgraph/1"
 * JSON, checked as the user types (debounced) with the same validator as the
 * CLI — a JSON syntax error with its line and column, validation problems
 * with their JSON path and where it is written. Apply makes the edited
 * scenario the session's base and simulates again; the user's conditions and
 * commands still apply on top. A side drawer, so the graph stays in view.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDoc, useRunState, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { checkScenarioText, scenarioFileText, type ScenarioCheck, type ScenarioProblem } from '../../session/scenario-file.ts';
import type { Scenario } from '../../model/scenario/types.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './ScenarioEditor.module.css';

const CHECK_DELAY_MS = 250;
const LINE_HEIGHT = 18;

interface Draft {
  readonly text: string;
  /** The base the draft started from. */
  readonly from: Scenario;
  readonly dirty: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function useDebouncedCheck(text: string): { check: ScenarioCheck; pending: boolean } {
  const [state, setState] = useState<{ text: string; check: ScenarioCheck }>(() => ({ text, check: checkScenarioText(text) }));
  useEffect(() => {
    if (state.text === text) return undefined;
    const t = setTimeout(() => setState({ text, check: checkScenarioText(text) }), CHECK_DELAY_MS);
    return () => clearTimeout(t);
  }, [text, state.text]);
  return { check: state.check, pending: state.text !== text };
}

/**
 * Holds the draft while the drawer is closed and while another scenario is
 * loading (so unapplied edits survive both); an untouched draft follows the
 * scenario on screen.
 */
export function ScenarioEditor() {
  const ui = useUiActions();
  const open = useUi((s) => s.editorOpen);
  const runState = useRunState();
  const base = runState.status === 'ready' ? runState.run.base : undefined;
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const baseText = useMemo(() => (open && base !== undefined ? scenarioFileText(base) : ''), [open, base]);
  if (!open) return null;
  if (base === undefined) {
    return (
      <aside className={styles.drawer} aria-label="Scenario JSON editor" data-testid="editor">
        <header className={styles.head}>
          <h2 className={styles.title}>
            <Icon name="code" size={15} /> Scenario JSON
          </h2>
          <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon" aria-label="Close the editor" onClick={() => ui.setEditorOpen(false)}>
            <Icon name="close" />
          </button>
        </header>
        <p className={styles.waiting}>{runState.status === 'loading' ? `Simulating ${runState.label}…` : 'There is no scenario on screen to edit.'}</p>
      </aside>
    );
  }
  const current = draft === undefined || (!draft.dirty && draft.from !== base) ? { text: baseText, from: base, dirty: false } : draft;
  return <EditorBody draft={current} setDraft={setDraft} base={base} baseText={baseText} />;
}

function EditorBody({ draft, setDraft, base, baseText }: { draft: Draft; setDraft: (d: Draft) => void; base: Scenario; baseText: string }) {
  const commands = useCommands();
  const ui = useUiActions();
  const conditions = useDoc((s) => s.conditions);
  const interventions = useDoc((s) => s.interventions);
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  /** The last Apply is what is on screen (until the next edit). */
  const [applied, setApplied] = useState(false);

  useEffect(() => {
    area.current?.focus({ preventScroll: true });
  }, []);

  const { check, pending } = useDebouncedCheck(draft.text);
  const problems: readonly ScenarioProblem[] = check.ok ? check.warnings : [...check.errors, ...check.warnings];
  const errorLines = useMemo(() => new Set((check.ok ? [] : check.errors).map((p) => p.line).filter((l): l is number => l !== undefined)), [check]);
  const lines = useMemo(() => draft.text.split('\n').length, [draft.text]);
  const numbers = useMemo(() => Array.from({ length: lines }, (_, i) => String(i + 1)).join('\n'), [lines]);

  const close = (): void => ui.setEditorOpen(false);
  const stale = draft.dirty && draft.from !== base;
  const canApply = check.ok && !pending && draft.dirty;
  const apply = (): void => {
    const c = checkScenarioText(draft.text);
    if (!c.ok) return;
    commands.applyEditedScenario(c.scenario);
    setDraft({ text: draft.text, from: c.scenario, dirty: false });
    setApplied(true);
  };
  const revert = (): void => setDraft({ text: baseText, from: base, dirty: false });
  const format = (): void => {
    try {
      const v = JSON.parse(draft.text) as unknown;
      setDraft({ ...draft, text: `${JSON.stringify(v, null, 2)}\n`, dirty: true });
    } catch {
      // Not JSON yet: the syntax error is listed.
    }
  };
  const goTo = (p: ScenarioProblem): void => {
    const el = area.current;
    if (el === null || p.offset === undefined) return;
    el.focus();
    el.setSelectionRange(p.offset, p.offset);
    el.scrollTop = Math.max(0, ((p.line ?? 1) - 1) * LINE_HEIGHT - el.clientHeight / 3);
  };
  const overlays = Object.keys(conditions).length + interventions.length;
  const errorCount = check.ok ? 0 : check.errors.length;

  return (
    <aside className={styles.drawer} aria-label="Scenario JSON editor" data-testid="editor">
      <header className={styles.head}>
        <div>
          <h2 className={styles.title}>
            <Icon name="code" size={15} /> Scenario JSON
          </h2>
          <p className={styles.sub}>
            The base scenario, as a <code>bootgraph/1</code> file.
            {overlays > 0 && ` Your ${plural(Object.keys(conditions).length, 'changed condition')} and ${plural(interventions.length, 'command')} still apply on top.`}
          </p>
        </div>
        <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon" aria-label="Close the editor" onClick={close} data-testid="editor.close">
          <Icon name="close" />
        </button>
      </header>
      {stale && (
        <p className={styles.stale}>
          <Icon name="warning" size={14} />
          <span>Another scenario was opened since you began editing; Apply replaces it with this text.</span>
          <button type="button" className="ui-btn ui-btn-sm" onClick={revert}>
            Load the one on screen
          </button>
        </p>
      )}
      <div className={styles.code}>
        <div className={styles.gutter} aria-hidden="true">
          <div ref={gutter} className={styles.gutterInner}>
            <pre className={styles.numbers}>{numbers}</pre>
            {[...errorLines].map((l) => (
              <span key={l} className={styles.errMark} style={{ top: (l - 1) * LINE_HEIGHT }} />
            ))}
          </div>
        </div>
        <textarea
          ref={area}
          className={styles.text}
          value={draft.text}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="off"
          aria-label="Scenario JSON"
          aria-invalid={!check.ok}
          aria-describedby="editor-status"
          data-testid="editor.text"
          onChange={(e) => {
            setApplied(false);
            setDraft({ text: e.currentTarget.value, from: draft.from, dirty: true });
          }}
          onScroll={(e) => {
            if (gutter.current !== null) gutter.current.style.transform = `translateY(${-e.currentTarget.scrollTop}px)`;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              if (canApply) apply();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        />
      </div>
      <div className={styles.status} id="editor-status" role="status" data-testid="editor.status">
        {pending ? (
          <span className={styles.muted}>Checking…</span>
        ) : check.ok ? (
          <span className={styles.valid}>
            <Icon name="check" size={13} /> {applied ? 'Applied and simulated again' : 'Valid scenario'} · {plural(check.scenario.services.length, 'service')}
            {check.warnings.length > 0 && ` · ${plural(check.warnings.length, 'warning')}`}
          </span>
        ) : (
          <span className={styles.invalid}>
            <Icon name="warning" size={13} /> {plural(errorCount, 'problem')} to fix before Apply
          </span>
        )}
      </div>
      {problems.length > 0 && (
        <ul className={`${styles.problems} ui-scroll`} data-testid="editor.problems">
          {problems.map((p, i) => (
            <li key={`${i}:${p.path ?? ''}`}>
              <button type="button" className={styles.problem} onClick={() => goTo(p)} disabled={p.offset === undefined} data-testid="editor.problem">
                <span className={p.severity === 'error' ? styles.sevError : styles.sevWarn}>{p.severity}</span>
                <span className={styles.pos}>{p.line === undefined ? '' : `${p.line}:${p.column ?? 1}`}</span>
                <span className={styles.pmsg}>
                  {p.path !== undefined && <code className={styles.path}>{p.path}</code>} {p.message}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <footer className={styles.foot}>
        <button type="button" className="ui-btn" onClick={format} title="Indent the JSON two spaces">
          Format
        </button>
        <button type="button" className="ui-btn" onClick={revert} disabled={!draft.dirty && !stale} data-testid="editor.revert">
          Revert
        </button>
        <span className={styles.spacer} />
        <span className={styles.keys}>
          <kbd className="ui-kbd">Ctrl</kbd> + <kbd className="ui-kbd">Enter</kbd>
        </span>
        <button type="button" className="ui-btn ui-btn-primary" onClick={apply} disabled={!canApply} data-testid="editor.apply">
          Apply
        </button>
      </footer>
    </aside>
  );
}
