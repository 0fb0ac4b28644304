// 负责部门: chosen by name from the orgs (a flow editor can name only a department it edits for).
import { Select } from 'antd';
import { useAuth } from '../common/auth.js';
import type { FlowCatalog } from './catalog.js';

export default function OwnerSelect({ catalog, value, onChange }: { catalog: FlowCatalog; value?: string; onChange: (v: string | undefined) => void }) {
  const { me, hasRole } = useAuth();
  const mine = new Set((me?.roles ?? []).filter((r) => r.role === 'flowEditor').map((r) => r.orgId));
  const orgs = hasRole('admin') ? catalog.orgs : catalog.orgs.filter((o) => mine.has(o.id));
  return (
    <Select
      data-testid="owner-select"
      showSearch
      allowClear={hasRole('admin')}
      value={value}
      onChange={(v?: string) => onChange(v || undefined)}
      placeholder="省级流程可不选"
      style={{ width: 320 }}
      optionFilterProp="label"
      options={orgs.map((o) => ({ value: o.id, label: o.parentName ? `${o.name}（${o.parentName}）` : o.name }))}
    />
  );
}
