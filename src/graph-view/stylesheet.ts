/**
 * The Cytoscape stylesheet: state → fill, border, shape and border style (so
 * every state has a non-colour cue besides its glyph), grouping → line
 * style, plus selection, focus, search and critical-chain marks. Pure.
 */
import type { EdgeSingular, NodeSingular, StylesheetJson } from 'cytoscape';
import { PALETTES, type ThemeName } from '../theme/palette.ts';
import type { VisualState } from '../selectors/visual-state.ts';
import { GROUP_PADDING_PX } from './collapse.ts';

export const MONO_FONT = 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

type Shape = 'round-rectangle' | 'rectangle' | 'octagon' | 'barrel' | 'rhomboid';
type Border = 'solid' | 'dashed' | 'dotted' | 'double';

/** The non-colour encoding of each state (also drawn in the legend). */
export const STATE_SHAPE: Readonly<Record<VisualState, { shape: Shape; border: Border; width: number }>> = {
  online: { shape: 'round-rectangle', border: 'solid', width: 1.5 },
  degraded: { shape: 'round-rectangle', border: 'double', width: 4 },
  starting: { shape: 'round-rectangle', border: 'solid', width: 2.5 },
  stopping: { shape: 'round-rectangle', border: 'dashed', width: 2.5 },
  offline: { shape: 'round-rectangle', border: 'dashed', width: 1.5 },
  maintenance: { shape: 'octagon', border: 'solid', width: 2 },
  disabled: { shape: 'rectangle', border: 'dotted', width: 1.5 },
  uninitialized: { shape: 'rectangle', border: 'dotted', width: 1 },
  absent: { shape: 'barrel', border: 'dashed', width: 1 },
};

export interface StyleOptions {
  readonly theme: ThemeName;
  /** prefers-reduced-motion (or a big graph): no colour transitions. */
  readonly reducedMotion?: boolean;
  /**
   * Arrowheads (default on). Big graphs leave them off: the layered layout
   * already puts every dependency above its dependents, and arrowheads are
   * the largest part of drawing a frame there.
   */
  readonly arrows?: boolean;
  /**
   * Level of detail (lod.ts): 'light' for big graphs draws edges as
   * haystack lines (centre to centre: no endpoint, control-point or
   * arrowhead geometry) and shows labels only once they are readable. On a
   * 1,000-node graph that is most of the cost of a frame (BENCHMARKS.md).
   */
  readonly detail?: 'full' | 'light';
}

/** The file shape's corners (x y, each in -1…1 of the node's box): top edge shifted right, bottom left. */
const FILE_POLYGON = '-0.9 -1 1 -1 0.9 1 -1 1';

export function graphStylesheet(opts: StyleOptions): StylesheetJson {
  const p = PALETTES[opts.theme];
  const motion = opts.reducedMotion === true ? {} : { 'transition-property': 'background-color, border-color, underlay-opacity', 'transition-duration': 180 };
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(w)',
        height: 'data(h)',
        shape: 'round-rectangle',
        'font-family': MONO_FONT,
        'font-size': 11,
        'text-valign': 'center',
        'text-halign': 'center',
        // A service's, file's or stub's label is one line ("● name"): not wrapped. Cytoscape 3.34 caches no wrapped
        // text (its wrap cache reads a key it never writes), so with 'wrap' every node restyled while a boot plays had its
        // label measured again, twice when its glyph changed (issue 16). Groups, with their summary lines, wrap (node.k-group).
        'text-wrap': 'none',
        'line-height': 1.35,
        'min-zoomed-font-size': 5,
        'border-width': 1.5,
        'background-color': p.panel,
        'border-color': p.edge,
        color: p.text,
        'underlay-color': p.accent,
        'underlay-opacity': 0,
        'underlay-padding': 5,
        'underlay-shape': 'round-rectangle',
        ...motion,
      },
    },
  ];
  for (const [state, enc] of Object.entries(STATE_SHAPE) as [VisualState, (typeof STATE_SHAPE)[VisualState]][]) {
    const c = p.states[state];
    sheet.push({
      selector: `node.s-${state}`,
      style: { 'background-color': c.fill, 'border-color': c.accent, color: c.text, shape: enc.shape, 'border-style': enc.border, 'border-width': enc.width },
    });
  }
  sheet.push(
    { selector: 'node.s-maintenance', style: { 'font-weight': 'bold' } },
    // A file: a gently slanted parallelogram (as in the legend and the SVG export). Cytoscape's rhomboid slants by a third
    // of the width, so at 20 px tall its corners cut into any label that fills the box.
    { selector: 'node.s-file-present, node.s-file-missing', style: { shape: 'polygon', 'shape-polygon-points': FILE_POLYGON } },
    { selector: 'node.s-file-present', style: { 'background-color': p.fileNode.fill, 'border-color': p.fileNode.accent, color: p.fileNode.text, 'border-style': 'solid', 'border-width': 1.5 } },
    { selector: 'node.s-file-missing', style: { 'background-color': p.fileMissing.fill, 'border-color': p.fileMissing.accent, color: p.fileMissing.text, 'border-style': 'dashed', 'border-width': 1.5 } },
    // A group's label wraps at its box's width (as wide as its name, or as the summary's lines: collapse.ts groupNode).
    {
      selector: 'node.k-group',
      style: { shape: 'round-rectangle', 'border-width': 2.5, 'text-wrap': 'wrap', 'line-height': 1.3, 'text-max-width': (n: NodeSingular) => `${Math.max(0, Number(n.data('w')) - GROUP_PADDING_PX)}px` },
    },
    {
      // An open group: a compound node drawn around its members, its name and summary above them.
      selector: 'node.k-group.expanded',
      style: {
        label: '',
        shape: 'round-rectangle',
        'background-opacity': 0.35,
        'border-style': 'dashed',
        'border-width': 1.5,
        padding: '12px',
      },
    },
    // Its name and summary, at its top (to-elements.ts groupTitleId): a node, so edges pass under it.
    { selector: 'node.group-title', style: { 'background-opacity': 1 } },
    { selector: 'node.running', style: { 'underlay-color': p.states.starting.accent, 'underlay-opacity': 0.18, 'underlay-padding': 6 } },
    { selector: 'node.running.pulse', style: { 'underlay-opacity': 0.42, 'underlay-padding': 8 } },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        // Straight edges: ELK's layers keep them readable, and they cost a
        // fraction of bezier control-point computation on big graphs.
        'curve-style': 'straight',
        'line-color': p.edge,
        'target-arrow-color': p.edge,
        'source-arrow-color': p.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.75,
        opacity: 0.85,
        ...(opts.reducedMotion === true ? {} : { 'transition-property': 'opacity, line-color', 'transition-duration': 180 }),
      },
    },
    { selector: 'edge.g-require_all', style: { width: 2.4, 'line-style': 'solid' } },
    { selector: 'edge.g-require_any', style: { width: 1, 'line-style': 'solid' } },
    { selector: 'edge.g-optional_all', style: { width: 1.4, 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    {
      selector: 'edge.g-exclude_all',
      style: { width: 1.6, 'line-style': 'solid', 'line-color': p.edgeExclude, 'target-arrow-color': p.edgeExclude, 'target-arrow-shape': 'tee', 'arrow-scale': 1.1 },
    },
    { selector: 'edge.restarter', style: { 'line-style': 'dotted', 'target-arrow-shape': 'square', width: 1.6 } },
    // A method's access to a file a tour names (named-resources.ts): not a dependency, so fine and dotted, in the muted colour.
    { selector: 'edge.access', style: { 'line-style': 'dotted', width: 1.4, 'line-color': p.muted, 'target-arrow-color': p.muted } },
    ...(opts.arrows === false ? [{ selector: 'edge[grouping != "exclude_all"]', style: { 'target-arrow-shape': 'none' as const } }] : []),
    ...(opts.detail === 'light'
      ? [
          { selector: 'edge', style: { 'curve-style': 'haystack' as const, 'haystack-radius': 0, 'target-arrow-shape': 'none' as const } },
          { selector: 'node', style: { 'min-zoomed-font-size': 8 } },
        ]
      : []),
    // Marks, strongest last.
    { selector: 'node.dim', style: { opacity: 0.16, 'underlay-opacity': 0 } },
    { selector: 'edge.dim', style: { opacity: 0.06 } },
    { selector: 'edge.hl', style: { opacity: 1, 'line-color': p.muted, 'target-arrow-color': p.muted, 'z-index': 10 } },
    { selector: 'edge.hl.g-exclude_all', style: { 'line-color': p.edgeExclude, 'target-arrow-color': p.edgeExclude } },
    { selector: 'node.match', style: { 'underlay-color': p.accent, 'underlay-opacity': 0.3, 'underlay-padding': 6 } },
    { selector: 'node.spot', style: { 'underlay-color': p.accent, 'underlay-opacity': 0.32, 'underlay-padding': 9, 'underlay-shape': 'round-rectangle', 'font-weight': 'bold' } },
    { selector: 'node.chain', style: { 'underlay-color': p.states.degraded.accent, 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
    { selector: 'node.changed', style: { 'underlay-color': p.accent, 'underlay-opacity': 0.28, 'underlay-padding': 8, 'underlay-shape': 'round-rectangle' } },
    {
      selector: 'edge.hazard',
      style: {
        opacity: 1, width: 2.4, 'curve-style': 'bezier', 'line-style': 'dashed', 'line-dash-pattern': [8, 5],
        'line-color': p.states.maintenance.accent, 'target-arrow-color': p.states.maintenance.accent, 'target-arrow-shape': 'triangle',
        // Level, on a background edged in the hazard's colour, moved off the nodes (hazard-label.ts places it: lx, ly).
        label: 'data(label)', 'font-size': 11, 'font-family': 'ui-monospace, monospace', color: p.text, 'text-rotation': 'none',
        'text-background-color': p.panel, 'text-background-opacity': 1, 'text-background-padding': '2px', 'text-background-shape': 'roundrectangle',
        'text-border-width': 1, 'text-border-color': p.states.maintenance.accent, 'text-border-opacity': 0.8, 'z-index': 40,
      },
    },
    { selector: 'edge.hazard[lx][ly]', style: { 'text-margin-x': (e: EdgeSingular) => Number(e.data('lx')), 'text-margin-y': (e: EdgeSingular) => Number(e.data('ly')) } },
    { selector: 'edge.chain', style: { opacity: 1, width: 3.5, 'line-color': p.states.degraded.accent, 'target-arrow-color': p.states.degraded.accent, 'z-index': 20 } },
    // The Hazards panel draws every hazard (issue 17): those whose order happened to be right this boot, muted.
    { selector: 'edge.hazard.right', style: { 'line-color': p.muted, 'target-arrow-color': p.muted, 'text-border-color': p.muted, width: 1.8 } },
    { selector: 'edge.hazard.dim', style: { opacity: 0.25 } },
    {
      selector: 'node.selected',
      style: { 'outline-width': 3, 'outline-color': p.accent, 'outline-offset': 3, 'outline-opacity': 1, 'z-index': 30 },
    },
    { selector: 'node:active', style: { 'overlay-opacity': 0.08, 'overlay-color': p.accent } },
    { selector: 'edge:active', style: { 'overlay-opacity': 0 } },
  );
  return sheet;
}
