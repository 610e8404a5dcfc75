/**
 * The first address format, read for ever (e2e tests and people's bookmarks
 * use it): `?preset=<id>` opens a built-in scenario, `&t=<ms>` puts the
 * playhead there, `&select=<fmri>` selects a service. Links the app makes now
 * are `#v1.` fragments (address.ts). Unknown values are ignored with a
 * message, never interpreted. Pure (strings in, values out).
 */
export interface UrlRequest {
  readonly preset?: string;
  readonly t?: number;
  readonly select?: string;
  /** Human-readable problems with the address. */
  readonly problems: readonly string[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseUrlRequest(search: string, knownPresets: readonly string[]): UrlRequest {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const out: { preset?: string; t?: number; select?: string } = {};
  const preset = q.get('preset');
  if (preset !== null) {
    if (ID.test(preset) && knownPresets.includes(preset)) out.preset = preset;
    else problems.push(`There is no built-in scenario called “${preset.slice(0, 64)}”; opened the default one.`);
  }
  const t = q.get('t');
  if (t !== null) {
    const v = Number(t);
    if (Number.isFinite(v) && v >= 0 && v <= 1e9) out.t = Math.round(v);
    else problems.push('The time in the address is not a number of milliseconds.');
  }
  const select = q.get('select');
  if (select !== null && select.length <= 512 && /^(svc|file):\//.test(select)) out.select = select;
  return { ...out, problems };
}
