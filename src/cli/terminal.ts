/**
 * What the CLI writes to a terminal (issue 15). Scenario text (names,
 * descriptions, exec strings, messages) is shown, never obeyed: control
 * characters — C0 but newline and tab, DEL, C1 (e.g. U+009B, a one-byte
 * CSI) — and the bidirectional overrides that reorder what is seen become
 * visible escapes, so a scenario cannot set the window title, clear the
 * screen or write the clipboard (OSC 52). JSON output escapes the same
 * characters the JSON way (JSON.stringify leaves C1 and bidi raw).
 *
 * A closed pipe (`| head`) ends the program quietly.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (ch: string, width: number): string => (ch.codePointAt(0) ?? 0).toString(16).padStart(width, '0');

/** Text for a terminal: control characters as \xHH (C0, DEL, C1) or \u{HHHH} (bidi controls). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => ((ch.codePointAt(0) ?? 0) <= 0xff ? `\\x${hex(ch, 2)}` : `\\u{${hex(ch, 4)}}`));
}

/** JSON text with the characters JSON.stringify leaves raw escaped as \uHHHH (still the same JSON value). */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE, (ch) => `\\u${hex(ch, 4)}`);
}

export function writeOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}

/** `simulate … | head`: the reader went away; stop writing, no stack trace. */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}
