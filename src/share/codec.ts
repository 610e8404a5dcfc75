/**
 * Share links: `#v1.<lz-string payload>` (compressToEncodedURIComponent of the
 * JSON of a ShareStateV1). The prefix says the version; every released version
 * decodes for ever (golden links in fixtures/links/ are tested); a link from a
 * newer bootgraph is refused with a message rather than misread. Pure: strings
 * in, results out; no DOM, no location.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { validateScenario } from '../model/scenario/validate.ts';
import { parseAction } from '../model/scenario/actions.ts';
import { checkParams } from '../engine/explore-params.ts';
import type { ShareStateV1, ShareUiV1 } from './share-state.ts';
import { lzExpandedLength } from './lz-expanded-length.ts';
import { appSizeProblem, checkJsonShape, LIMITS } from '../model/scenario/limits.ts';

export const LINK_PREFIX = 'v1.';

/** Above this, a link still works in browsers but chat tools (Discord: 2,000) and some mailers cut it. */
export const LINK_SOFT_LIMIT = 8_000;
/** Above this we do not make a link: the app offers the scenario file instead. */
export const LINK_HARD_LIMIT = 64_000;
/** The decoder refuses anything longer, before decompressing. */
const DECODE_LIMIT = 200_000;
/**
 * Nor does it expand a link to more than this many characters (measured
 * before expanding, lz-expanded-length.ts): a 44,905-character link once
 * expanded to a 200 MB scenario name. A link bootgraph makes (≤ 64,000
 * characters) expands to well under 1 MB.
 */
export const LINK_EXPANDED_LIMIT = 4_000_000;

export type DecodeResult =
  | {
      ok: true;
      state: ShareStateV1;
      /** Fields a newer bootgraph wrote that this one ignores. */
      warnings: string[];
      /** What was changed to open the link at all (a negative instant clamped to 0, …), to tell the user. */
      notices: string[];
    }
  | { ok: false; reason: 'empty' | 'newer' | 'unknown-format' | 'corrupt' | 'invalid' | 'too-long'; message: string };

export type EncodeResult = { ok: true; fragment: string; long: boolean } | { ok: false; message: string; length: number };

/** The fragment (without '#'). */
export function encodeShareState(state: ShareStateV1): EncodeResult {
  const fragment = LINK_PREFIX + compressToEncodedURIComponent(JSON.stringify(state));
  if (fragment.length > LINK_HARD_LIMIT) {
    return {
      ok: false,
      length: fragment.length,
      message: `This link would be ${fragment.length.toLocaleString('en-US')} characters, more than the ${LINK_HARD_LIMIT.toLocaleString('en-US')} bootgraph makes. Download the scenario file and share that instead.`,
    };
  }
  return { ok: true, fragment, long: fragment.length > LINK_SOFT_LIMIT };
}

export function decodeShareFragment(raw: string): DecodeResult {
  const text = raw.startsWith('#') ? raw.slice(1) : raw;
  if (text.length === 0) return { ok: false, reason: 'empty', message: 'The link has no scenario in it.' };
  if (text.length > DECODE_LIMIT) return { ok: false, reason: 'too-long', message: `The link is ${text.length} characters long, more than bootgraph reads (${DECODE_LIMIT}).` };
  const m = /^v(\d{1,6})\./.exec(text);
  if (m === null) return { ok: false, reason: 'unknown-format', message: 'This is not a bootgraph link (it should start with #v1.).' };
  const version = Number(m[1]);
  if (version > 1) return { ok: false, reason: 'newer', message: `This link was made by a newer bootgraph (link format v${version}); this version reads v1. Open it in a newer bootgraph.` };
  if (version < 1) return { ok: false, reason: 'unknown-format', message: `Link format v${version} does not exist.` };
  const payload = text.slice(m[0].length);
  const size = lzExpandedLength(payload, LINK_EXPANDED_LIMIT);
  if (!size.ok && size.reason === 'too-long') {
    return {
      ok: false,
      reason: 'too-long',
      message: `The link expands to more than ${LINK_EXPANDED_LIMIT.toLocaleString('en-US')} characters, more than bootgraph reads from a link. If it is a real scenario, share the scenario file instead.`,
    };
  }
  if (!size.ok) return { ok: false, reason: 'corrupt', message: 'The link is damaged or cut short (its data does not decompress). Ask for the whole link.' };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (json === null || json.length === 0) return { ok: false, reason: 'corrupt', message: 'The link is damaged or cut short (its data does not decompress). Ask for the whole link.' };
  let value: unknown;
  try {
    value = JSON.parse(json) as unknown;
  } catch {
    return { ok: false, reason: 'corrupt', message: 'The link is damaged or cut short (its data is not valid JSON).' };
  }
  return validateShareState(value);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const KNOWN = new Set(['p', 's', 'c', 'a', 't', 'sel', 'view', 'tour', 'boot', 'tm', 'x', 'ui', 'e']);
const UI_KEYS = new Set(['v', 'cmp', 'f', 'sh', 'bt', 'bh', 'o', 'hz', 'q', 'lg', 'cf', 'dr']);
/** The longest search text a link carries (a search box holds a name or a few words). */
export const SEARCH_TEXT_LIMIT = 200;
/** A hazard id is two FMRIs and an object name (engine/hazards.ts). */
const HAZARD_ID_LIMIT = 1000;
const WORD = /^[a-z][a-z0-9-]{0,31}$/;

/** The view layout, field by field: a malformed field is dropped with a notice, never the link. */
function validateUi(value: unknown, notices: string[]): ShareUiV1 | undefined {
  if (!isObj(value)) {
    notices.push('the view layout in the link is malformed and was ignored');
    return undefined;
  }
  const out: Record<string, unknown> = {};
  const drop = (what: string): void => {
    notices.push(`the link's ${what} is malformed and was ignored`);
  };
  for (const k of Object.keys(value)) if (!UI_KEYS.has(k)) notices.push(`ignored an unknown view field "${k.slice(0, 40)}"`);
  for (const k of ['v', 'f', 'sh', 'bt', 'cf', 'dr'] as const) {
    const x = value[k];
    if (x === undefined) continue;
    if (typeof x === 'string' && WORD.test(x)) out[k] = x;
    else drop({ v: 'centre view', f: 'focus mode', sh: 'show mode', bt: 'bottom tab', cf: 'Compare filter', dr: 'side panel' }[k]);
  }
  const q = value['q'];
  if (q !== undefined) {
    if (typeof q === 'string' && q.length <= SEARCH_TEXT_LIMIT) out['q'] = q;
    else drop('search text');
  }
  const lg = value['lg'];
  if (lg !== undefined) {
    if (lg === 0 || lg === 1) out['lg'] = lg;
    else drop('legend state');
  }
  const cmp = value['cmp'];
  if (cmp !== undefined) {
    if (cmp === 'next') out['cmp'] = 'next';
    else if (isObj(cmp) && typeof cmp['c'] === 'string' && cmp['c'].length <= 100 && typeof cmp['v'] === 'string' && cmp['v'].length <= 200) out['cmp'] = { c: cmp['c'], v: cmp['v'] };
    else if (isObj(cmp) && Number.isSafeInteger(cmp['s']) && typeof cmp['j'] === 'number' && cmp['j'] >= 0 && cmp['j'] < 1 && typeof cmp['l'] === 'string' && cmp['l'].length <= 100) out['cmp'] = { s: cmp['s'], j: cmp['j'], l: cmp['l'] };
    else drop('comparison');
  }
  const bh = value['bh'];
  if (bh !== undefined) {
    if (typeof bh === 'number' && Number.isFinite(bh)) out['bh'] = Math.round(bh);
    else drop('panel height');
  }
  const o = value['o'];
  if (o !== undefined) {
    if (Array.isArray(o) && o.length <= 20 && o.every((x) => typeof x === 'string' && WORD.test(x))) out['o'] = o;
    else drop('list of open panels');
  }
  const hz = value['hz'];
  if (hz !== undefined) {
    const g = isObj(hz) ? hz['g'] : undefined;
    const p = isObj(hz) ? hz['p'] : undefined;
    if (isObj(hz) && (g === undefined || g === true) && (p === undefined || (typeof p === 'string' && p.length <= HAZARD_ID_LIMIT))) out['hz'] = { ...(g === true ? { g } : {}), ...(p === undefined ? {} : { p }) };
    else drop('hazards panel state');
  }
  return out as ShareUiV1;
}

export function validateShareState(value: unknown): DecodeResult {
  const bad = (message: string): DecodeResult => ({ ok: false, reason: 'invalid', message: `The link's contents are not valid: ${message}` });
  if (!isObj(value)) return bad('expected an object');
  const shape = checkJsonShape(value);
  if (shape !== undefined) return bad(`${shape.path}: ${shape.message}`);
  const warnings: string[] = [];
  const notices: string[] = [];
  for (const k of Object.keys(value)) if (!KNOWN.has(k)) warnings.push(`ignored an unknown field "${k.slice(0, 40)}"`);
  const p = value['p'];
  const s = value['s'];
  if ((p === undefined) === (s === undefined)) return bad('it must name either a preset or a scenario');
  if (p !== undefined && (typeof p !== 'string' || !/^[a-z0-9][a-z0-9-]{0,80}$/.test(p))) return bad('the preset name is malformed');
  let scenario: ShareStateV1['s'];
  if (s !== undefined) {
    const v = validateScenario(s);
    if (!v.ok) {
      const e = v.errors[0];
      return bad(`the scenario in it is invalid (${e?.path ?? '$'}: ${e?.message ?? 'invalid'})`);
    }
    scenario = v.scenario;
    const tooBig = appSizeProblem(scenario.services.length);
    if (tooBig !== undefined) return { ok: false, reason: 'too-long', message: tooBig };
  }
  const c = value['c'];
  if (c !== undefined) {
    if (!isObj(c) || Object.keys(c).length > 200) return bad('conditions must be an object of at most 200 entries');
    for (const [k, v] of Object.entries(c)) {
      if (k.length > 100 || typeof v !== 'string' || v.length > 200) return bad(`condition "${k.slice(0, 40)}" is malformed`);
    }
  }
  const a = value['a'];
  if (a !== undefined) {
    if (!Array.isArray(a) || a.length > 500) return bad('interventions must be a list of at most 500 actions');
    for (const x of a) {
      if (!isObj(x) || typeof x['at'] !== 'number' || !Number.isFinite(x['at']) || x['at'] < 0 || typeof x['run'] !== 'string' || x['run'].length > LIMITS.command) {
        return bad('an intervention is malformed');
      }
      const b = x['b'];
      if (b !== undefined && (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 100)) return bad('an intervention names an impossible boot');
      const parsed = parseAction(x['run']);
      if (!parsed.ok) return bad(`an intervention is not a command bootgraph knows (${parsed.error})`);
    }
  }
  let t = value['t'];
  if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t))) return bad('the instant is not a time');
  if (typeof t === 'number' && t < 0) {
    notices.push(`the link's instant (${t} ms) is before the boot began: showing 0 s`);
    t = 0;
  }
  const sel = value['sel'];
  if (sel !== undefined && (typeof sel !== 'string' || sel.length > 1024)) return bad('the selected service is malformed');
  const view = value['view'];
  if (view !== undefined && (!isObj(view) || ['z', 'x', 'y'].some((k) => typeof view[k] !== 'number' || !Number.isFinite(view[k] as number)))) {
    return bad('the view is malformed');
  }
  const tour = value['tour'];
  if (tour !== undefined && (!isObj(tour) || typeof tour['id'] !== 'string' || tour['id'].length > 200 || typeof tour['step'] !== 'number' || !Number.isInteger(tour['step']) || tour['step'] < 0)) {
    return bad('the tour step is malformed');
  }
  const boot = value['boot'];
  if (boot !== undefined && (typeof boot !== 'number' || !Number.isInteger(boot) || boot < 1 || boot > 100)) return bad('the boot number is malformed');
  const tm = value['tm'];
  if (tm !== undefined && (!isObj(tm) || !Number.isSafeInteger(tm['s']) || typeof tm['j'] !== 'number' || !(tm['j'] >= 0 && tm['j'] < 1))) return bad('the perturbed timing is malformed');
  const x = value['x'];
  if (x !== undefined) {
    if (!isObj(x) || typeof x['n'] !== 'number' || typeof x['j'] !== 'number' || typeof x['s'] !== 'number') return bad('the timing explorer parameters are malformed');
    const why = checkParams({ boots: x['n'], jitter: x['j'], baseSeed: x['s'] });
    if (why !== undefined) return bad(`the timing explorer parameters are out of range (${why})`);
  }
  const ui = value['ui'] === undefined ? undefined : validateUi(value['ui'], notices);
  const e = value['e'];
  if (e !== undefined && e !== 1) notices.push("the link's embed flag is malformed and was ignored");
  // Every field has been checked above; build the typed state explicitly.
  const state: ShareStateV1 = {
    ...(typeof p === 'string' ? { p } : {}),
    ...(scenario === undefined ? {} : { s: scenario }),
    ...(isObj(c) ? { c: c as Record<string, string> } : {}),
    ...(Array.isArray(a) ? { a: a as ShareStateV1['a'] } : {}),
    ...(typeof t === 'number' ? { t } : {}),
    ...(typeof sel === 'string' ? { sel } : {}),
    ...(isObj(view) ? { view: { z: Number(view['z']), x: Number(view['x']), y: Number(view['y']) } } : {}),
    ...(isObj(tour) ? { tour: { id: String(tour['id']), step: Number(tour['step']) } } : {}),
    ...(typeof boot === 'number' ? { boot } : {}),
    ...(isObj(tm) ? { tm: { s: Number(tm['s']), j: Number(tm['j']) } } : {}),
    ...(isObj(x) ? { x: { n: Number(x['n']), j: Number(x['j']), s: Number(x['s']) } } : {}),
    ...(ui === undefined || Object.keys(ui).length === 0 ? {} : { ui }),
    ...(e === 1 ? { e: 1 as const } : {}),
  };
  return { ok: true, state, warnings, notices };
}
