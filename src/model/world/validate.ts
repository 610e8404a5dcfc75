import type { ValidationIssue } from '../scenario/validate.ts';

/** Structural validation of the optional `world` section (filled in by the world model). */
export function validateWorld(world: unknown, path: string): ValidationIssue[] {
  if (typeof world !== 'object' || world === null || Array.isArray(world)) {
    return [{ path, message: '"world" must be an object' }];
  }
  return [];
}
