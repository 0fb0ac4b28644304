// 层级: level key, grade, title and the level definition chosen by its Chinese title (open it, or create a draft of it
// when there is none). Problems show in their cell.
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText, type ProblemDetail } from '../../api.js';
import { href } from '../../common/router.js';
import { fieldStatus } from '../problems-at.js';
import { freshLevel, levelKeyForGrade } from '../wizard/level-copy.js';
import { uniqueKey } from '../wizard/derive-key.js';
import { gradeOptions, levelDefinitionKey, type SeriesLevel } from './series-model.js';
import type { DefinitionOption } from './useDefinitionList.js';

export default function LevelsTable({
  seriesKey,
  value,
  onChange,
  problems,
  definitions,
  onCreated,
}: {
  seriesKey: string;
  value: SeriesLevel[];
  onChange: (v: SeriesLevel[]) => void;
  problems: ProblemDetail[] | null;
  definitions: DefinitionOption[];
  /** a level definition draft was created: the list of definitions should be reloaded */
  onCreated: () => void;
}) {
  const [creating, setCreating] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const known = new Set(definitions.map((d) => d.value));
  const set = (i: number, p: Partial<SeriesLevel>) => onChange(value.map((l, j) => (j === i ? { ...l, ...p } : l)));

  const create = async (i: number) => {
    const l = value[i]!;
    const key = l.definition && !known.has(l.definition) ? l.definition : uniqueKey(levelDefinitionKey(seriesKey, l.levelKey), known);
    setCreating(i);
    setError(null);
    try {
      await api.put(`/api/definitions/level/${encodeURIComponent(key)}/draft`, { body: freshLevel(seriesKey, l.levelKey, l.title, l.grade) });
      set(i, { definition: key });
      onCreated();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setCreating(null);
    }
  };

  const add = () => {
    const grade = '中级' as const;
    onChange([...value, { levelKey: uniqueKey(levelKeyForGrade(grade), value.map((l) => l.levelKey)), grade, title: '' }]);
  };

  return (
    <>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<SeriesLevel>
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={value}
        pagination={false}
        data-testid="series-levels"
        locale={{ emptyText: '尚无层级' }}
        onRow={() => ({ 'data-testid': 'level-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '职称名称',
            render: (_, l, i) => (
              <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/levels/${i}/title`)}>
                <Input value={l.title} placeholder="如 副研究馆员" data-testid="level-title" onChange={(e) => set(i, { title: e.target.value })} />
              </Form.Item>
            ),
          },
          {
            title: '级别',
            width: 130,
            render: (_, l, i) => (
              <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/levels/${i}/grade`)}>
                <Select value={l.grade} options={gradeOptions} data-testid="level-grade" onChange={(grade) => set(i, { grade })} />
              </Form.Item>
            ),
          },
          {
            title: '层级标识',
            width: 160,
            render: (_, l, i) => (
              <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/levels/${i}/levelKey`)}>
                <Input value={l.levelKey} spellCheck={false} data-testid="level-key" onChange={(e) => set(i, { levelKey: e.target.value.trim() })} />
              </Form.Item>
            ),
          },
          {
            title: '层级定义（表单、规则、材料、流程）',
            width: 420,
            render: (_, l, i) => {
              // while the list loads nothing is called missing
              const missing = l.definition !== undefined && definitions.length > 0 && !known.has(l.definition);
              return (
                <Form.Item style={{ margin: 0 }} {...fieldStatus(problems, `/levels/${i}/definition`)}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Select
                      style={{ flex: 1, minWidth: 220 }}
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      placeholder="选择层级定义"
                      data-testid="level-definition"
                      status={missing ? 'error' : undefined}
                      value={l.definition}
                      options={missing ? [...definitions, { value: l.definition!, label: `（不存在）${l.definition}`, published: false }] : definitions}
                      onChange={(definition?: string) => set(i, { definition })}
                    />
                    {l.definition && !missing ? (
                      <Button href={href(`/designer/level/${encodeURIComponent(l.definition)}`)} target="_blank" data-testid="open-level">
                        打开
                      </Button>
                    ) : (
                      <Button loading={creating === i} disabled={!l.levelKey || !l.title} onClick={() => void create(i)} data-testid="create-level">
                        新建
                      </Button>
                    )}
                  </Space.Compact>
                </Form.Item>
              );
            },
          },
          { title: '', width: 70, render: (_, __, i) => <Button type="link" danger onClick={() => onChange(value.filter((_, j) => j !== i))}>删除</Button> },
        ]}
        footer={() => (
          <Button data-testid="add-level" onClick={add}>
            + 添加层级
          </Button>
        )}
      />
    </>
  );
}
