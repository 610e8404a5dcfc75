/**
 * A stream as /sbin/sh echo writes it: `echo "text\c"` leaves the line open,
 * so a command's stderr lands in the middle of it (docs/console-messages.md §3:
 * "configuring IPv4 interfaces:ifconfig: cannot open link ...").
 */
export class Terminal {
  private readonly done: string[] = [];
  private open = '';
  private dirty = false;

  /** echo "text\c": no newline. */
  put(text: string): void {
    this.open += text;
    this.dirty = true;
  }

  /** echo "text": ends the line. */
  line(text = ''): void {
    this.done.push(this.open + text);
    this.open = '';
    this.dirty = false;
  }

  lines(): string[] {
    return this.dirty ? [...this.done, this.open] : [...this.done];
  }
}
