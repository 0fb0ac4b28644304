// The filters the three lists share — 批次, 系列, 级别, 环节, 申报人 — and, on 待办, 仅看逾期 and the sort.
// Every filter runs on the server, so paging and totals agree with what is shown.
import { Checkbox, Input, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { CampaignItem, SeriesItem } from '../types/api.js';
import { goTo, type ListQuery } from './list-query.js';

export interface StepOption {
  value: string;
  label: string;
}

export default function ListFilters({ q, series, campaigns, steps, todo }: { q: ListQuery; series: SeriesItem[]; campaigns: CampaignItem[]; steps: StepOption[]; todo?: boolean }) {
  const f = q.filters;
  const levels = series.find((s) => s.key === f.seriesKey)?.levels ?? series.flatMap((s) => s.levels);
  const [name, setName] = useState(f.applicantName ?? '');
  useEffect(() => setName(f.applicantName ?? ''), [f.applicantName]);
  return (
    <Space wrap size={[8, 8]} data-testid="list-filters">
      <Select
        allowClear
        placeholder="批次"
        aria-label="批次"
        style={{ width: 170 }}
        value={f.campaignId}
        onChange={(v?: string) => goTo(q, { campaignId: v })}
        options={campaigns.map((c) => ({ value: c.key, label: c.name }))}
      />
      <Select
        allowClear
        placeholder="职称系列"
        aria-label="职称系列"
        style={{ width: 160 }}
        value={f.seriesKey}
        onChange={(v?: string) => goTo(q, { seriesKey: v, levelKey: undefined })}
        options={series.map((s) => ({ value: s.key, label: s.name }))}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="申报职称"
        aria-label="申报职称"
        style={{ width: 180 }}
        value={f.levelKey}
        onChange={(v?: string) => goTo(q, { levelKey: v })}
        options={levels.map((l) => ({ value: l.definition, label: l.title }))}
      />
      <Select allowClear placeholder="办理环节" aria-label="办理环节" style={{ width: 190 }} value={f.elementId} onChange={(v?: string) => goTo(q, { elementId: v })} options={steps} />
      <Input.Search
        allowClear
        placeholder="申报人姓名"
        aria-label="申报人姓名"
        style={{ width: 170 }}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onSearch={(v) => goTo(q, { applicantName: v.trim() || undefined })}
      />
      {todo && (
        <>
          <Checkbox checked={f.overdue === 'true'} onChange={(e) => goTo(q, { overdue: e.target.checked ? 'true' : undefined })}>
            仅看逾期
          </Checkbox>
          <Segmented
            value={f.sort === 'due' ? 'due' : 'arrived'}
            onChange={(v) => goTo(q, { sort: v === 'due' ? 'due' : undefined })}
            options={[
              { value: 'arrived', label: '按到达时间' },
              { value: 'due', label: '按办理期限' },
            ]}
          />
        </>
      )}
      {q.tab === 'copies' && (
        <Checkbox checked={f.unreadOnly === 'true'} onChange={(e) => goTo(q, { unreadOnly: e.target.checked ? 'true' : undefined })}>
          仅看未读
        </Checkbox>
      )}
    </Space>
  );
}
