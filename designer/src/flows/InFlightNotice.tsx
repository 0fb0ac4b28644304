// Before publishing: how many applications in flight stay on each older version (they keep the version they
// were submitted on; only new submissions take the new one). GET /api/workflows/:key/in-flight
import { Alert } from 'antd';
import { api } from '../api.js';
import { useLoad } from '../common/useLoad.js';

export interface InFlight {
  key: string;
  latestVersion?: number;
  total: number;
  items: { version: number; count: number }[];
}

export const inFlightText = (d: InFlight): string =>
  d.total === 0 ? '目前没有在途申报：发布后，新提交的申报使用新版本。' : `在途申报：${d.items.map((i) => `第 ${i.version} 版 ${i.count} 件`).join('，')}（保持原版本）；发布后，新提交的申报使用新版本。`;

export default function InFlightNotice({ defKey, refresh }: { defKey: string; refresh: unknown }) {
  const load = useLoad(() => api.get<InFlight>(`/api/workflows/${encodeURIComponent(defKey)}/in-flight`), [defKey, refresh]);
  if (load.error || !load.data) return null;
  return <Alert type={load.data.total ? 'warning' : 'info'} showIcon data-testid="in-flight" message={inFlightText(load.data)} />;
}
