/**
 * The layouts shipped with the built-in presets (src/scenarios/layouts/<id>.json,
 * written by `npm run layouts`), each fetched lazily with its preset. Vite
 * only: the CLI never lays anything out.
 */
const FILES = import.meta.glob<unknown>('./layouts/*.json', { import: 'default' });

export function presetLayoutsAvailable(id: string): boolean {
  return FILES[`./layouts/${id}.json`] !== undefined;
}

/** The raw seed file for a preset (check it with parseLayoutSeeds), or undefined if none is shipped. */
export async function loadPresetLayouts(id: string): Promise<unknown> {
  const load = FILES[`./layouts/${id}.json`];
  return load === undefined ? undefined : await load();
}
