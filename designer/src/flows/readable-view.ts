// Where the modeler opens a flow: at its natural size (a task 100 px wide), the start of the flow at the
// left just clear of the palette, rather than zoom-to-fit, which turns a 5,000 px flow into a sliver.

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Canvas {
  viewbox(box?: Box): Box & { inner: Box; outer: { width: number; height: number } };
  zoom(level: 'fit-viewport' | number, center?: 'auto'): number;
}

/** room the palette takes on the left of the canvas */
const PALETTE = 150;
const MARGIN = 30;

export function showFlowStart(canvas: Canvas): void {
  const { inner, outer } = canvas.viewbox();
  if (inner.width === 0) return; // empty diagram: nothing to place
  // a flow that fits beside the palette at scale 1 stays whole; a longer one opens at its start
  const top = inner.height + 2 * MARGIN <= outer.height ? inner.y - (outer.height - inner.height) / 2 : inner.y - MARGIN;
  canvas.viewbox({ x: inner.x - PALETTE, y: top, width: outer.width, height: outer.height });
}
