// Wizard step 2: the series' levels (title, grade, key derived), each empty or a copy of an existing level chosen
// by its Chinese name.
import { Alert, Button, Form, Input, Select, Table } from 'antd';
import { gradeOptions, type Grade } from '../series/series-model.js';
import type { DefinitionOption } from '../series/useDefinitionList.js';
import { suggestLevelKey, type WizardLevel, type WizardState } from './wizard-model.js';

export default function LevelsStep({ state, onChange, levels, problems }: { state: WizardState; onChange: (l: WizardLevel[]) => void; levels: DefinitionOption[]; problems: Record<string, string> }) {
  const list = state.levels;
  const set = (i: number, p: Partial<WizardLevel>) =>
    onChange(
      list.map((l, j) => {
        if (j !== i) return l;
        const next = { ...l, ...p };
        // the key follows the grade and title until it is typed by hand
        if (!next.keyTouched && (p.grade !== undefined || p.title !== undefined)) next.levelKey = suggestLevelKey(next, list.filter((_, k) => k !== i).map((x) => x.levelKey));
        return next;
      }),
    );
  const at = (f: string) => (problems[f] ? { validateStatus: 'error' as const, help: problems[f] } : {});
  const add = () => {
    const grade: Grade = '副高级';
    onChange([...list, { title: '', grade, levelKey: suggestLevelKey({ title: '', grade }, list.map((x) => x.levelKey)) }]);
  };
  return (
    <>
      {problems.levels && <Alert type="error" showIcon message={problems.levels} style={{ marginBottom: 12 }} />}
      <Table<WizardLevel>
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={list}
        pagination={false}
        data-testid="wizard-levels"
        locale={{ emptyText: '尚无层级：点击下方「添加层级」' }}
        onRow={() => ({ 'data-testid': 'wizard-level-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '职称名称',
            render: (_, l, i) => (
              <Form.Item style={{ margin: 0 }} {...at(`${i}.title`)}>
                <Input data-testid="wizard-level-title" placeholder="如 副研究馆员" value={l.title} onChange={(e) => set(i, { title: e.target.value })} />
              </Form.Item>
            ),
          },
          {
            title: '级别',
            width: 130,
            render: (_, l, i) => <Select data-testid="wizard-level-grade" style={{ width: '100%' }} value={l.grade} options={gradeOptions} onChange={(grade: Grade) => set(i, { grade })} />,
          },
          {
            title: '层级标识（可修改）',
            width: 170,
            render: (_, l, i) => (
              <Form.Item style={{ margin: 0 }} {...at(`${i}.levelKey`)}>
                <Input data-testid="wizard-level-key" spellCheck={false} value={l.levelKey} onChange={(e) => set(i, { levelKey: e.target.value.trim(), keyTouched: true })} />
              </Form.Item>
            ),
          },
          {
            title: '起点',
            width: 380,
            render: (_, l, i) => (
              <Select
                data-testid="wizard-level-copy"
                style={{ width: '100%' }}
                showSearch
                optionFilterProp="label"
                value={l.copyFrom ?? ''}
                options={[{ value: '', label: '空白层级（只有姓名字段与「正常申报」路径）' }, ...levels.map((o) => ({ value: o.value, label: `复制：${o.label}` }))]}
                onChange={(v: string) => set(i, { copyFrom: v || undefined })}
              />
            ),
          },
          { title: '', width: 70, render: (_, __, i) => <Button type="link" danger onClick={() => onChange(list.filter((_, j) => j !== i))}>删除</Button> },
        ]}
        footer={() => (
          <Button data-testid="wizard-add-level" onClick={add}>
            + 添加层级
          </Button>
        )}
      />
    </>
  );
}
