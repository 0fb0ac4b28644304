// An application's flow drawn at its natural size, where a step is about 100 px wide and its name can be
// read, in a box that scrolls like any wide content (scroll bars, wheel, touch), scrolled so the current
// step sits in the middle. Zoom-to-fit would shrink a 5,000 px flow to a sliver. Done steps are green
// with a ✓, the current one gold and labelled 当前. The plain Viewer is used so the wheel scrolls
// instead of zooming.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import Viewer from 'bpmn-js/lib/Viewer.js';
import { Alert } from 'antd';
import { useEffect, useRef, useState } from 'react';
import zcModdle from '../../../workflows/zc-moddle.json' with { type: 'json' };

export interface ProgressDiagramProps {
  xml: string;
  active: string[];
  finished: string[];
  /** what to scroll into the middle when nothing is active (a finished flow: its last step) */
  fallbackFocus?: string;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Shape extends Box {
  id: string;
  waypoints?: unknown;
}

const MARGIN = 32;

function badge(className: string, text: string): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  el.textContent = text;
  return el;
}

export default function ProgressDiagram({ xml, active, finished, fallbackFocus }: ProgressDiagramProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const scroller = scrollRef.current;
    const host = canvasRef.current;
    if (!scroller || !host) return;
    const viewer = new Viewer({ container: host, moddleExtensions: { zc: zcModdle } });
    let alive = true;
    viewer
      .importXML(xml)
      .then(() => {
        if (!alive) return;
        const canvas = viewer.get<any>('canvas');
        const registry = viewer.get<any>('elementRegistry');
        const overlays = viewer.get<any>('overlays');
        const shape = (id: string): Shape | undefined => {
          const el = registry.get(id) as Shape | undefined;
          return el && !el.waypoints ? el : undefined;
        };
        for (const id of finished) {
          if (!registry.get(id)) continue;
          canvas.addMarker(id, 'zc-done');
          if (shape(id)) overlays.add(id, 'zc-progress', { position: { top: -9, right: 9 }, html: badge('zc-progress-check', '✓') });
        }
        for (const id of active) {
          if (!shape(id)) continue;
          canvas.addMarker(id, 'zc-active');
          overlays.add(id, 'zc-progress', { position: { top: -24, left: 0 }, html: badge('zc-progress-now', '当前') });
        }
        // the whole flow at scale 1: the box is as large as the drawing, the outer box scrolls
        const inner: Box = canvas.viewbox().inner;
        const width = Math.ceil(inner.width + 2 * MARGIN);
        const height = Math.ceil(inner.height + 2 * MARGIN);
        host.style.width = `${width}px`;
        host.style.height = `${height}px`;
        canvas.resized();
        canvas.viewbox({ x: inner.x - MARGIN, y: inner.y - MARGIN, width, height });
        const focus = (active.length > 0 ? active : fallbackFocus ? [fallbackFocus] : []).map(shape).filter((s): s is Shape => !!s);
        if (focus.length === 0) return;
        const left = Math.min(...focus.map((s) => s.x));
        const top = Math.min(...focus.map((s) => s.y));
        const cx = (left + Math.max(...focus.map((s) => s.x + s.width))) / 2 - (inner.x - MARGIN);
        const cy = (top + Math.max(...focus.map((s) => s.y + s.height))) / 2 - (inner.y - MARGIN);
        scroller.scrollLeft = Math.max(0, cx - scroller.clientWidth / 2);
        scroller.scrollTop = Math.max(0, cy - scroller.clientHeight / 2);
      })
      .catch((e: Error) => alive && setError(`流程图无法显示：${e.message}`));
    return () => {
      alive = false;
      viewer.destroy();
    };
  }, [xml, active.join(','), finished.join(','), fallbackFocus]);
  return (
    <>
      {error && <Alert type="error" showIcon message={error} />}
      <div ref={scrollRef} className="zc-progress-scroll" data-testid="progress-diagram" tabIndex={0} aria-label="审核流程图（可滚动）">
        <div ref={canvasRef} className="zc-progress-canvas" />
      </div>
    </>
  );
}
