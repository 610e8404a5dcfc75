/** Opens the scenario JSON editor. */
import { useRunState, useUi, useUiActions } from '../../session/react/context.tsx';
import { Icon } from '../Icon/Icon.tsx';

export function EditButton() {
  const ui = useUiActions();
  const open = useUi((s) => s.editorOpen);
  const ready = useRunState().status === 'ready';
  return (
    <button
      type="button"
      className="ui-btn ui-btn-ghost"
      aria-pressed={open}
      disabled={!ready}
      onClick={() => ui.setEditorOpen(!open)}
      title="Edit the scenario as JSON: add a service or a dependency and Apply"
      data-testid="editor.open"
    >
      <Icon name="code" /> Edit
    </button>
  );
}
