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
