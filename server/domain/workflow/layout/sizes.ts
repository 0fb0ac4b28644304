// Sizes bpmn-js draws at, and an estimate of how much room a name takes, so labels get space reserved.

import type { NodeKind } from './types.js';

export const NODE_SIZE: Readonly<Record<NodeKind, { width: number; height: number }>> = {
  task: { width: 100, height: 80 },
  gateway: { width: 50, height: 50 },
  event: { width: 36, height: 36 },
};

/** bpmn-js wraps external labels (events, gateways, flows) at 90 px in an 11 px font. */
const LABEL_WRAP = 90;
const LINE_HEIGHT = 14;
const WIDE_CHAR = 11.5;
const NARROW_CHAR = 6.5;

const isWide = (ch: string): boolean => (ch.codePointAt(0) ?? 0) > 0x2e7f;

/** Widths of the lines a text wraps into at `wrap` px, CJK glyphs a font size wide, Latin ones about half. */
function wrapLines(text: string, wrap: number, scale = 1): number[] {
  const lines: number[] = [0];
  for (const ch of text) {
    const w = (isWide(ch) ? WIDE_CHAR : NARROW_CHAR) * scale;
    const last = lines.length - 1;
    if ((lines[last] ?? 0) + w > wrap) lines.push(w);
    else lines[last] = (lines[last] ?? 0) + w;
  }
  return lines;
}

/** Room an external label needs. */
export function labelSize(text: string): { width: number; height: number } {
  const lines = wrapLines(text, LABEL_WRAP);
  return { width: Math.ceil(Math.max(...lines)), height: lines.length * LINE_HEIGHT };
}

/** bpmn-js writes a task's name inside it in a 12 px font, leaving room for the type icon and markers. */
const TASK_FONT_SCALE = 12 / 11;
const TASK_PADDING = 14;
const TASK_LINE_HEIGHT = 15;
const TASK_MAX_LINES = 3;
const TASK_WIDTHS = [100, 120, 140, 160, 180] as const;

/** A task widens until its name fits in two lines (or three at the widest), then grows taller. */
export function taskSize(name: string | undefined): { width: number; height: number } {
  const base = NODE_SIZE.task;
  if (!name) return base;
  const lines = (width: number): number => wrapLines(name, width - TASK_PADDING, TASK_FONT_SCALE).length;
  for (const max of [TASK_MAX_LINES - 1, TASK_MAX_LINES]) {
    const width = TASK_WIDTHS.find((w) => lines(w) <= max);
    if (width !== undefined) return { width, height: base.height };
  }
  const width = TASK_WIDTHS[TASK_WIDTHS.length - 1];
  return { width, height: Math.max(base.height, lines(width) * TASK_LINE_HEIGHT + 2 * TASK_PADDING) };
}
