/** devfsadm run by hand: make every missing /dev link (needs a writable /). */
import { makeLinks } from '../methods/devfsadm.ts';
import { fail, type WorldCommand } from './types.ts';

export const devfsadm: WorldCommand = (world, args) => {
  if (args.length > 0 && !args.every((a) => a === '-v')) return fail('usage: devfsadm [-v]');
  if (!world.rootWritable()) return fail('devfsadm: cannot create /dev links: / is mounted read-only');
  const changes = makeLinks(world, 'devfsadm');
  return { ok: true, output: args.includes('-v') ? changes.map((c) => `devfsadm[0]: verbose: symlink ${c.path ?? ''}`) : [], changes };
};
