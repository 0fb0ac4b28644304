// One ECharts chart: loads ECharts on first use, redraws when the option changes, follows the card's width,
// and offers 保存为图片 (a PNG named after the chart's Chinese title).
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

type Instance = ReturnType<(typeof import('./echarts-setup.js'))['init']>;

export function Chart({ title, option, height = 320 }: { title: string; option: EChartsCoreOption; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let resize: ResizeObserver | undefined;
    void import('./echarts-setup.js').then(({ init }) => {
      if (cancelled || !box.current) return;
      chart.current = init(box.current, undefined, { renderer: 'canvas', locale: 'ZH' });
      resize = new ResizeObserver(() => chart.current?.resize());
      resize.observe(box.current);
      setReady(true);
    });
    return () => {
      cancelled = true;
      resize?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    chart.current.setOption(
      {
        title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
        toolbox: { right: 8, feature: { saveAsImage: { title: '保存为图片', name: title, pixelRatio: 2, backgroundColor: '#fff' } } },
        tooltip: {},
        ...option,
      },
      true,
    );
  }, [ready, title, option]);

  return (
    <div style={{ position: 'relative', height }}>
      {!ready && <Spin style={{ position: 'absolute', inset: 0, margin: 'auto', height: 20 }} />}
      <div ref={box} role="img" aria-label={title} data-testid="dashboard-chart" style={{ width: '100%', height }} />
    </div>
  );
}
