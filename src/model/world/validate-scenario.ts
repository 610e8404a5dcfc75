/**
 * Cross-checks between a scenario and its world that validateWorld() (which
 * sees only the `world` section) cannot make: the world commands of the
 * actions, `method_model` names, site methods naming real instances.
 */
import type { ValidationIssue } from '../scenario/validate.ts';
import { splitWords } from '../scenario/actions.ts';
import { parseCfgadm } from './commands/cfgadm.ts';
import { parseIfMpadm } from './commands/if-mpadm.ts';
import { modelNames } from './methods/index.ts';
import { isObj, Issues } from './validate.ts';

/**
 * Cross-checks between a scenario's services and actions and its world
 * (call with the raw scenario object): the world commands of its actions,
 * `method_model` names, and site methods naming instances that exist.
 *
 * ENGINE-REQUEST: validateScenario() (src/model/scenario/validate.ts) should
 * add these as errors: `for (const i of validateWorldScenario(input)) c.error(i.path, i.message)`.
 */
export function validateWorldScenario(input: unknown): ValidationIssue[] {
  const out = [...validateWorldActions(input)];
  if (!isObj(input) || !Array.isArray(input['services'])) return out;
  const models = modelNames();
  const instances = new Set<string>();
  input['services'].forEach((s, k) => {
    if (!isObj(s) || typeof s['fmri'] !== 'string') return;
    const fmri = s['fmri'];
    const insts = isObj(s['instances']) ? s['instances'] : { default: {} };
    for (const [name, inst] of Object.entries(insts)) {
      instances.add(`${fmri}:${name}`);
      if (isObj(inst) && typeof inst['method_model'] === 'string' && !models.includes(inst['method_model'])) {
        out.push({ path: `$.services[${k}].instances.${name}.method_model`, message: `unknown method model "${inst['method_model']}" (known: ${models.join(', ')})` });
      }
    }
    if (typeof s['method_model'] === 'string' && !models.includes(s['method_model'])) {
      out.push({ path: `$.services[${k}].method_model`, message: `unknown method model "${s['method_model']}" (known: ${models.join(', ')})` });
    }
  });
  const world = isObj(input['world']) ? input['world'] : undefined;
  const site = world !== undefined && Array.isArray(world['site_methods']) ? world['site_methods'] : [];
  site.forEach((m, k) => {
    if (isObj(m) && typeof m['fmri'] === 'string' && !instances.has(m['fmri'])) {
      out.push({ path: `$.world.site_methods[${k}].fmri`, message: `no instance ${m['fmri']} among the scenario's services` });
    }
  });
  return out;
}

/**
 * The world commands among a scenario's actions, checked against its world:
 * `cfgadm` must name a NIC (or attachment point) the world has, `pkg install`
 * a package it lists, `ifconfig` and `if_mpadm` need a network. Part of validateWorldScenario().
 */
export function validateWorldActions(input: unknown): ValidationIssue[] {
  const c = new Issues();
  if (!isObj(input) || !Array.isArray(input['actions'])) return c.list;
  const world = isObj(input['world']) ? input['world'] : undefined;
  const net = world !== undefined && isObj(world['network']) ? world['network'] : undefined;
  const nics = Array.isArray(net?.['nics']) ? net['nics'].filter(isObj) : [];
  const aps = new Set<string>();
  for (const n of nics) {
    if (typeof n['name'] === 'string') aps.add(n['name']);
    if (typeof n['ap_id'] === 'string') aps.add(n['ap_id']);
  }
  const packages = world !== undefined && isObj(world['packages']) ? Object.keys(world['packages']) : [];
  input['actions'].forEach((a, k) => {
    const path = `$.actions[${k}].run`;
    if (!isObj(a) || typeof a['run'] !== 'string') return;
    const words = splitWords(a['run'].trim());
    if (words === undefined) return;
    const [cmd, ...args] = words;
    if (cmd === 'cfgadm') {
      const p = parseCfgadm(args);
      if (typeof p === 'string') c.add(path, p.split('\n')[0] ?? p);
      else if (world === undefined) c.add(path, 'cfgadm needs a "world" with network.nics to act on');
      else if (!aps.has(p.ap)) c.add(path, `cfgadm: no NIC or attachment point "${p.ap}" in $.world.network.nics (known: ${[...aps].join(', ') || 'none'})`);
    } else if (cmd === 'pkg') {
      const k2 = args.indexOf('install');
      const name = k2 >= 0 ? args[k2 + 1] : undefined;
      if (name === undefined) c.add(path, 'usage: pkg [-R <root>] install <package>');
      else if (!packages.includes(name)) c.add(path, `pkg: no package "${name}" in $.world.packages (known: ${packages.join(', ') || 'none'})`);
    } else if (cmd === 'if_mpadm' && parseIfMpadm(args) === undefined) {
      c.add(path, 'usage: if_mpadm -d|-r <interface>');
    } else if ((cmd === 'ifconfig' || cmd === 'if_mpadm') && net === undefined) {
      c.add(path, `${cmd} needs a "world" with a network (nics, interfaces) to act on`);
    } else if (cmd !== undefined && ['mount', 'umount', 'devfsadm', 'patchadd'].includes(cmd) && world === undefined) {
      c.add(path, `${cmd} needs a "world" to act on`);
    }
  });
  return c.list;
}

