/**
 * Every keyboard shortcut, as data: the handler and the help overlay read
 * the same table (RaftScope's "?" help, VisuAlgo's Space/←/→/+/−). Pure.
 */
export type Command =
  | 'togglePlay'
  | 'stepForward'
  | 'stepBack'
  | 'nextInstant'
  | 'prevInstant'
  | 'home'
  | 'end'
  | 'faster'
  | 'slower'
  | 'search'
  | 'help'
  | 'escape'
  | 'fit'
  | 'toggleTable'
  | 'focusNext';

export interface KeyBinding {
  readonly command: Command;
  /** As shown in the help overlay. */
  readonly keys: readonly string[];
  readonly description: string;
}

export const KEYMAP: readonly KeyBinding[] = [
  { command: 'togglePlay', keys: ['Space'], description: 'Play or pause (at the end, replay from the start)' },
  { command: 'stepForward', keys: ['→'], description: 'Step forward one event' },
  { command: 'stepBack', keys: ['←'], description: 'Step back one event' },
  { command: 'nextInstant', keys: ['Shift', '→'], description: 'Jump to the next instant at which something happens' },
  { command: 'prevInstant', keys: ['Shift', '←'], description: 'Jump to the previous instant' },
  { command: 'home', keys: ['Home'], description: 'Go to the start of the boot' },
  { command: 'end', keys: ['End'], description: 'Go to the end of the boot' },
  { command: 'faster', keys: ['+'], description: 'Play faster (up to 100×)' },
  { command: 'slower', keys: ['−'], description: 'Play slower (down to 0.1×)' },
  { command: 'search', keys: ['/'], description: 'Search services by name' },
  { command: 'focusNext', keys: ['F'], description: 'Cycle the focus mode for the selected service' },
  { command: 'fit', keys: ['0'], description: 'Fit the graph to the window' },
  { command: 'toggleTable', keys: ['T'], description: 'Switch between the graph and the text table' },
  { command: 'help', keys: ['?'], description: 'Show or hide this help' },
  { command: 'escape', keys: ['Esc'], description: 'Close help, clear the search, or clear the selection' },
];

/**
 * What the embedded player (issue 18) answers to: playing, stepping, speed,
 * fitting and Esc. It has no search box, table, help or focus menu.
 */
export const PLAYER_COMMANDS: ReadonlySet<Command> = new Set<Command>(['togglePlay', 'stepForward', 'stepBack', 'nextInstant', 'prevInstant', 'home', 'end', 'faster', 'slower', 'fit', 'escape']);

export interface KeyLike {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** The command for a key press, or undefined (modifier chords belong to the browser). */
export function commandFor(e: KeyLike): Command | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return 'togglePlay';
    case 'ArrowRight':
      return e.shiftKey ? 'nextInstant' : 'stepForward';
    case 'ArrowLeft':
      return e.shiftKey ? 'prevInstant' : 'stepBack';
    case 'Home':
      return 'home';
    case 'End':
      return 'end';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
    case '−':
      return 'slower';
    case '/':
      return 'search';
    case '?':
      return 'help';
    case 'Escape':
      return 'escape';
    case '0':
      return 'fit';
    case 't':
    case 'T':
      return 'toggleTable';
    case 'f':
    case 'F':
      return 'focusNext';
    default:
      return undefined;
  }
}

/**
 * Whether a key press should be left to the focused control: typing in a
 * field, choosing in a list, or (for Space and Enter) pressing a button.
 */
export function belongsToControl(target: { readonly tagName?: string; readonly type?: string; readonly isContentEditable?: boolean; readonly role?: string | null } | null, command: Command): boolean {
  if (target === null || target.tagName === undefined) return false;
  const tag = target.tagName.toLowerCase();
  if (command === 'escape') return false;
  if (target.isContentEditable === true) return true;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (target.type ?? 'text').toLowerCase();
    // The scrubber: the app's own keys step by event instead of by millisecond.
    if (type === 'range') return false;
    if (type === 'checkbox' || type === 'radio' || type === 'button') return command === 'togglePlay';
    return true;
  }
  if (tag === 'button' || tag === 'a' || target.role === 'tab' || target.role === 'option') return command === 'togglePlay';
  return false;
}
