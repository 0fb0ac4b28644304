// Read-only diagram (bpmn-js NavigatedViewer) with finished and active elements highlighted.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer.js';
import { Alert } from 'antd';
import { useEffect, useRef, useState } from 'react';
import zcModdle from '../../../workflows/zc-moddle.json' with { type: 'json' };

export interface FlowViewerProps {
  xml: string;
  active?: string[];
  finished?: string[];
  className?: string;
}

export default function FlowViewer({ xml, active = [], finished = [], className = 'zc-viewer' }: FlowViewerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const viewer = new NavigatedViewer({ container: ref.current, moddleExtensions: { zc: zcModdle } });
    let alive = true;
    viewer
      .importXML(xml)
      .then(() => {
        if (!alive) return;
        const canvas = viewer.get<any>('canvas');
        const registry = viewer.get<any>('elementRegistry');
        for (const id of finished) if (registry.get(id)) canvas.addMarker(id, 'zc-done');
        for (const id of active) if (registry.get(id)) canvas.addMarker(id, 'zc-active');
        canvas.zoom('fit-viewport');
      })
      .catch((e: Error) => alive && setError(`流程图无法显示：${e.message}`));
    return () => {
      alive = false;
      viewer.destroy();
    };
  }, [xml, active.join(','), finished.join(',')]);
  return (
    <>
      {error && <Alert type="error" showIcon message={error} />}
      <div ref={ref} className={className} data-testid="flow-viewer" />
    </>
  );
}
