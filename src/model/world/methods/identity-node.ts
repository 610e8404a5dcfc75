/**
 * /lib/svc/method/identity-node (system/identity:node): sets the node name
 * with `uname -S` from /etc/nodename (DHCP and bootparams sources are not
 * modelled) and echoes "Hostname: <name>" to /dev/msglog. Exits 0.
 */
import { hostnameLine } from '../messages.ts';
import type { MethodModel } from './types.ts';

export const identityNode: MethodModel = (world) => {
  world.access.read('path', '/etc/nodename', true);
  return {
    duration: 50,
    exit: 0,
    console: [hostnameLine(world.nodename)],
    effect: () => {
      world.hostname = world.nodename;
      return [{ kind: 'hostname', summary: `node name set to ${world.nodename}`, hostname: world.nodename }];
    },
  };
};
