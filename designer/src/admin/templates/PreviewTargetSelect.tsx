// What the preview runs on: a level's sample application, or a real application named by its applicant and
// level (never by an ID number).
import { Select } from 'antd';
import { STATUS_LABELS } from '../../common/labels.js';
import type { PreviewOn, PreviewTargets } from './types.js';

interface Props {
  targets: PreviewTargets | undefined;
  value: PreviewOn | null;
  onChange(on: PreviewOn): void;
}

const encode = (on: PreviewOn | null): string | undefined => (on === null || 'purpose' in on ? undefined : 'sampleLevel' in on ? `sample:${on.sampleLevel}` : `app:${on.applicationId}`);

export default function PreviewTargetSelect({ targets, value, onChange }: Props) {
  const options = [
    { label: '样例申报（按层级的申报表生成）', title: 'samples', options: (targets?.levels ?? []).map((l) => ({ value: `sample:${l.key}`, label: `样例 · ${l.title}` })) },
    {
      label: '真实申报',
      title: 'applications',
      options: (targets?.applications ?? []).map((a) => ({ value: `app:${a.id}`, label: `${a.applicantName} · ${a.levelTitle} · ${STATUS_LABELS[a.status] ?? a.status}` })),
    },
  ];
  return (
    <Select
      data-testid="preview-target"
      aria-label="预览对象"
      showSearch
      optionFilterProp="label"
      loading={targets === undefined}
      style={{ minWidth: 320 }}
      value={encode(value)}
      options={options}
      onChange={(v: string) => onChange(v.startsWith('sample:') ? { sampleLevel: v.slice(7) } : { applicationId: v.slice(4) })}
      placeholder="选择预览用的申报"
    />
  );
}
