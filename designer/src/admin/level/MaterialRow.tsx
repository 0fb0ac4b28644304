// One checklist item: its name, whether it must be uploaded (always, optional, or when a condition built with
// the condition builder holds — shown in words), the file types by name, the size limit in MB, and whether
// it is an identity document (hidden from experts). The check's problems show at the field they concern.
import { Alert, Button, Checkbox, Form, Input, InputNumber, Popconfirm, Radio, Space, Tag, Tooltip, Typography } from 'antd';
import { memo, useMemo } from 'react';
import type { ProblemDetail } from '../../api.js';
import { describeCondition, FeelConditionEditor, parseCondition, type FactDef } from '../../common/condition-builder/index.js';
import { fieldStatus, problemsAt } from '../problems-at.js';
import { ACCEPT_CHOICES, acceptLabel, bytesToMb, mbToBytes, NEED_LABELS, needOf, withAcceptPicks, withNeed, type Material, type Need } from './level-model.js';

export interface MaterialRowProps {
  item: Material;
  index: number;
  count: number;
  facts: readonly FactDef[];
  problems: ProblemDetail[] | null;
  focused: boolean;
  onChange: (i: number, m: Material) => void;
  onMove: (i: number, d: -1 | 1) => void;
  onRemove: (i: number) => void;
}

function MaterialRow({ item, index, count, facts, problems, focused, onChange, onMove, onRemove }: MaterialRowProps) {
  const at = `/materials/${index}`;
  const set = (m: Material) => onChange(index, m);
  const need = needOf(item);
  const parsed = useMemo(() => (item.requiredWhen ? parseCondition(item.requiredWhen) : null), [item.requiredWhen]);
  const words = parsed?.ok && parsed.value.children.length > 0 ? describeCondition(parsed.value, facts) : '';
  const known = new Set(ACCEPT_CHOICES.map((c) => c.value));
  const others = (item.accept ?? []).filter((m) => !known.has(m));
  const mine = problemsAt(problems, at, true);
  // problems at parts no field below shows (e.g. a duplicate id) are listed at the foot of the row
  const shown = ['/name', '/required', '/requiredWhen', '/accept', '/maxBytes', '/idDocument'].map((s) => `${at}${s}`);
  const rest = mine.filter((p) => !shown.some((s) => p.pointer === s || p.pointer?.startsWith(`${s}/`)));

  return (
    <div className={`zc-material-row${focused ? ' zc-level-focused' : ''}${mine.length ? ' zc-material-row-error' : ''}`} data-testid="material-row" data-pointer={at}>
      <div className="zc-material-row-head">
        <Space>
          <Typography.Text strong>第 {index + 1} 项</Typography.Text>
          <Tag color={need === 'always' ? 'blue' : need === 'when' ? 'orange' : undefined} data-testid="material-need-tag">
            {NEED_LABELS[need]}
          </Tag>
          {item.idDocument && <Tag color="purple">身份证件</Tag>}
        </Space>
        <Space size={0}>
          <Tooltip title="上移">
            <Button size="small" type="text" disabled={index === 0} onClick={() => onMove(index, -1)} aria-label="上移材料" data-testid="material-up">
              ↑
            </Button>
          </Tooltip>
          <Tooltip title="下移">
            <Button size="small" type="text" disabled={index === count - 1} onClick={() => onMove(index, 1)} aria-label="下移材料" data-testid="material-down">
              ↓
            </Button>
          </Tooltip>
          <Button size="small" type="text" danger onClick={() => onRemove(index)} data-testid="material-remove">
            删除
          </Button>
        </Space>
      </div>
      <Form layout="vertical" component="div">
        <Form.Item label="材料名称" {...fieldStatus(problems, `${at}/name`)}>
          <Input data-testid="material-name" value={item.name} placeholder="如：学历、学位证书" onChange={(e) => set({ ...item, name: e.target.value })} />
        </Form.Item>
        <Space wrap align="start" size="large">
          <Form.Item label="提交要求" {...fieldStatus(problems, `${at}/required`)}>
            <Radio.Group
              data-testid="material-need"
              value={need}
              optionType="button"
              options={(Object.keys(NEED_LABELS) as Need[]).map((n) => ({ value: n, label: NEED_LABELS[n] }))}
              onChange={(e) => set(withNeed(item, e.target.value as Need))}
            />
          </Form.Item>
          <Form.Item label="文件类型" extra={item.accept?.length ? undefined : '未选择时接受 PDF、JPG、PNG'} {...fieldStatus(problems, `${at}/accept`, true)}>
            <Checkbox.Group
              data-testid="material-accept"
              value={item.accept ?? []}
              options={ACCEPT_CHOICES.map((c) => ({ value: c.value, label: c.label }))}
              onChange={(v) => {
                const accept = withAcceptPicks(item.accept, v as string[]);
                const { accept: _drop, ...rest } = item;
                set(accept.length ? { ...rest, accept } : rest);
              }}
            />
            {others.map((m) => (
              <Tag key={m}>{acceptLabel(m)}</Tag>
            ))}
          </Form.Item>
          <Form.Item label="大小上限" {...fieldStatus(problems, `${at}/maxBytes`)}>
            <InputNumber
              data-testid="material-max-mb"
              min={0.01}
              step={1}
              addonAfter="MB"
              placeholder="不限"
              value={bytesToMb(item.maxBytes)}
              onChange={(v) => {
                const maxBytes = mbToBytes(typeof v === 'number' ? v : null, item.maxBytes);
                const { maxBytes: _drop, ...rest } = item;
                set(maxBytes === undefined ? rest : { ...rest, maxBytes });
              }}
            />
          </Form.Item>
          <Form.Item label="身份证件" {...fieldStatus(problems, `${at}/idDocument`)}>
            <Checkbox
              data-testid="material-id-document"
              checked={item.idDocument === true}
              onChange={(e) => {
                const { idDocument: _drop, ...rest } = item;
                set(e.target.checked ? { ...rest, idDocument: true } : rest);
              }}
            >
              评审专家看不到
            </Checkbox>
          </Form.Item>
        </Space>
        {need === 'when' && (
          <Form.Item
            label="何时必交"
            {...fieldStatus(problems, `${at}/requiredWhen`)}
            extra={words ? <span data-testid="material-condition-words">满足「{words}」时必交</span> : undefined}
            data-pointer={`${at}/requiredWhen`}
          >
            {parsed && !parsed.ok ? (
              // a hand-written condition the builder cannot show: kept as it is, edited in 高级
              <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="advanced-only">
                <Alert type="warning" showIcon message="此项只能在高级中编辑" description={`条件构建器无法表示这个条件（${parsed.error}），原样保留；可在“高级”页修改。`} />
                <pre className="zc-cb-feel" data-testid="material-feel-readonly">
                  {item.requiredWhen}
                </pre>
                <Popconfirm title="清空这个条件，改用条件构建器重新搭建？" okText="清空重写" cancelText="取消" onConfirm={() => set({ ...item, requiredWhen: '' })}>
                  <Button size="small">用条件构建器重写</Button>
                </Popconfirm>
              </Space>
            ) : (
              <FeelConditionEditor value={item.requiredWhen ?? ''} onChange={(requiredWhen) => set({ ...item, requiredWhen })} facts={facts} />
            )}
          </Form.Item>
        )}
      </Form>
      {rest.length > 0 && (
        <ul className="zc-rule-row-problems" data-testid="material-problems">
          {rest.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default memo(MaterialRow);
