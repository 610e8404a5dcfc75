/**
 * The graph camera in a form that survives a change of window size: the
 * zoom and the graph (model) point at the centre of the view. Cytoscape's
 * pan is the rendered position of the graph origin, which depends on the
 * container's size; these convert between the two. Pure.
 */
export interface Camera {
  readonly zoom: number;
  readonly centre: { readonly x: number; readonly y: number };
}

export interface Pan {
  readonly zoom: number;
  readonly pan: { readonly x: number; readonly y: number };
}

export function cameraOf(v: Pan, width: number, height: number): Camera {
  return { zoom: v.zoom, centre: { x: (width / 2 - v.pan.x) / v.zoom, y: (height / 2 - v.pan.y) / v.zoom } };
}

export function panFor(c: Camera, width: number, height: number, minZoom = 0.04, maxZoom = 3): Pan {
  const zoom = Math.min(maxZoom, Math.max(minZoom, c.zoom));
  return { zoom, pan: { x: width / 2 - zoom * c.centre.x, y: height / 2 - zoom * c.centre.y } };
}

/** A node's box in graph units: its centre and size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * The same zoom, panned as little as possible so that `box` is drawn inside a width × height view: along an axis
 * where it is not whole inside, `margin` px from the edge it crossed (centred where it is too big for that). `v`
 * itself when the box is already inside.
 */
export function panToShow(v: Pan, box: Box, width: number, height: number, margin = 28): Pan {
  const along = (centre: number, size: number, pan: number, view: number): number => {
    const lo = (centre - size / 2) * v.zoom + pan;
    const hi = (centre + size / 2) * v.zoom + pan;
    if (lo >= 0 && hi <= view) return pan;
    if (hi - lo > view - 2 * margin) return pan + view / 2 - (lo + hi) / 2;
    if (lo < margin) return pan + margin - lo;
    if (hi > view - margin) return pan + view - margin - hi;
    return pan;
  };
  return { zoom: v.zoom, pan: { x: along(box.x, box.w, v.pan.x, width), y: along(box.y, box.h, v.pan.y, height) } };
}
