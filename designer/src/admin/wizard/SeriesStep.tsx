// Wizard step 1: the series' Chinese name (its key derived, editable) and whether it starts empty or as a copy.
import { Form, Input, Radio, Select } from 'antd';
import type { DefinitionSummary } from '../../types/api.js';
import { keyFromName } from './derive-key.js';
import type { WizardState } from './wizard-model.js';

export default function SeriesStep({
  state,
  onChange,
  onCopySeries,
  series,
  problems,
}: {
  state: WizardState;
  onChange: (p: Partial<WizardState>) => void;
  onCopySeries: (key: string) => void;
  series: DefinitionSummary[];
  problems: Record<string, string>;
}) {
  const at = (f: string) => (problems[f] ? { validateStatus: 'error' as const, help: problems[f] } : {});
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }} data-testid="wizard-series">
      <Form.Item label="系列名称" required {...at('name')}>
        <Input
          data-testid="wizard-series-name"
          placeholder="如 档案系列"
          value={state.name}
          onChange={(e) => onChange({ name: e.target.value, ...(state.keyTouched ? {} : { key: keyFromName(e.target.value.replace(/系列$/, ''), '') }) })}
        />
      </Form.Item>
      <Form.Item label="系列标识（由名称生成，可修改；保存数据时使用）" required {...at('key')}>
        <Input data-testid="wizard-series-key" spellCheck={false} value={state.key} onChange={(e) => onChange({ key: e.target.value.trim(), keyTouched: true })} />
      </Form.Item>
      <Form.Item label="从哪里开始">
        <Radio.Group value={state.start} onChange={(e) => onChange({ start: e.target.value as WizardState['start'], ...(e.target.value === 'empty' ? { copySeries: undefined, specialties: [], code: undefined, examOnlyBelow: undefined } : {}) })}>
          <Radio value="empty" data-testid="wizard-start-empty">
            空白系列
          </Radio>
          <Radio value="copy" data-testid="wizard-start-copy">
            复制已有系列（专业与层级）
          </Radio>
        </Radio.Group>
      </Form.Item>
      {state.start === 'copy' && (
        <Form.Item label="复制哪个系列" required {...at('copySeries')}>
          <Select
            data-testid="wizard-copy-series"
            showSearch
            optionFilterProp="label"
            placeholder="选择系列"
            value={state.copySeries}
            options={series.map((s) => ({ value: s.key, label: s.name ?? s.key }))}
            onChange={onCopySeries}
          />
        </Form.Item>
      )}
    </Form>
  );
}
