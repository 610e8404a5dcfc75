/**
 * The device tree: /devices nodes exist as soon as the kernel has attached
 * their drivers; /dev links exist only once devfsadm has made them, in this
 * boot or an earlier one (they are files on the root filesystem, so they
 * persist). docs/boot-graph.md §1.3: fs-root's `devfsadm -I -P` makes no links;
 * devices-local's full devfsadm (reconfiguration boots) and syseventd's
 * devfsadmd do.
 */
import { normalizePath } from './paths.ts';
import type { DeviceSpec } from './types.ts';

export interface DeviceNode {
  readonly node: string;
  readonly link?: string;
}

export class DeviceTree {
  readonly nodes: DeviceNode[];
  readonly links = new Set<string>();

  constructor(specs: readonly DeviceSpec[]) {
    this.nodes = specs.map((d) => ({ node: normalizePath(d.node), ...(d.link === undefined ? {} : { link: normalizePath(d.link) }) }));
    for (const d of specs) if (d.link !== undefined && d.link_on_disk === true) this.links.add(normalizePath(d.link));
  }

  hasNode(path: string): boolean {
    return this.nodes.some((n) => n.node === path);
  }

  hasLink(path: string): boolean {
    return this.links.has(path);
  }

  nodeForLink(link: string): DeviceNode | undefined {
    return this.nodes.find((n) => n.link === link);
  }

  /** What a full `devfsadm` would create now: links of present nodes that are missing. */
  missingLinks(): string[] {
    const out: string[] = [];
    for (const n of this.nodes) if (n.link !== undefined && !this.links.has(n.link)) out.push(n.link);
    return out;
  }
}
