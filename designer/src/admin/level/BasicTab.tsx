// 基本信息: which series and which of its levels this definition is, the title (职称名称) and the grade.
// Choosing a level of the series fills the title and grade the series gives it; both stay editable.
import { Alert, Card, Form, Input, Select, Tag } from 'antd';
import type { ProblemDetail } from '../../api.js';
import { fieldStatus } from '../problems-at.js';
import { GRADES, type LevelBody } from './level-model.js';
import { useSeriesChoices } from './useLevelChoices.js';

export interface BasicTabProps {
  body: LevelBody;
  patch: (p: Partial<LevelBody>) => void;
  problems: ProblemDetail[] | null;
}

export default function BasicTab({ body, patch, problems }: BasicTabProps) {
  const series = useSeriesChoices();
  const list = series.data ?? [];
  const current = list.find((s) => s.key === body.seriesKey);
  const seriesOptions = list.map((s) => ({ value: s.key, label: s.name }));
  if (body.seriesKey && !current && !series.loading) seriesOptions.push({ value: body.seriesKey, label: `${body.seriesKey}（没有这个系列）` });
  const levelOptions = (current?.levels ?? []).map((l) => ({ value: l.levelKey, label: `${l.title}（${l.grade}）` }));
  if (body.levelKey && !levelOptions.some((o) => o.value === body.levelKey)) levelOptions.push({ value: body.levelKey, label: `${body.levelKey}（系列中没有这个层级）` });

  return (
    <Card size="small" data-testid="level-basic">
      {series.error && <Alert type="error" showIcon message={`系列列表读取失败：${series.error}`} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label="所属职称系列" {...fieldStatus(problems, '/seriesKey')} data-pointer="/seriesKey">
          <Select
            data-testid="level-series"
            showSearch
            optionFilterProp="label"
            loading={series.loading}
            value={body.seriesKey || undefined}
            placeholder="选择职称系列"
            options={seriesOptions}
            onChange={(seriesKey: string) => patch({ seriesKey })}
          />
        </Form.Item>
        <Form.Item label="系列中的层级" extra="层级在系列中登记；选择后自动带出职称名称与级别" {...fieldStatus(problems, '/levelKey')} data-pointer="/levelKey">
          <Select
            data-testid="level-key"
            value={body.levelKey || undefined}
            placeholder={current ? '选择层级' : '先选择职称系列'}
            options={levelOptions}
            notFoundContent="该系列还没有层级：请先在系列中加入"
            onChange={(levelKey: string) => {
              const entry = current?.levels.find((l) => l.levelKey === levelKey);
              patch({ levelKey, ...(entry ? { title: body.title || entry.title, grade: body.grade || entry.grade } : {}) });
            }}
          />
        </Form.Item>
        <Form.Item label="职称名称" {...fieldStatus(problems, '/title')} data-pointer="/title">
          <Input data-testid="level-title" value={body.title ?? ''} placeholder="如：高级工程师" onChange={(e) => patch({ title: e.target.value })} />
        </Form.Item>
        <Form.Item label="级别" {...fieldStatus(problems, '/grade')} data-pointer="/grade">
          <Select
            data-testid="level-grade"
            value={body.grade || undefined}
            placeholder="选择级别"
            options={GRADES.map((g) => ({ value: g, label: g }))}
            onChange={(grade: (typeof GRADES)[number]) => patch({ grade })}
          />
        </Form.Item>
        {current && body.levelKey && (
          <Tag data-testid="level-series-entry">
            系列「{current.name}」登记为：{current.levels.find((l) => l.levelKey === body.levelKey)?.title ?? '（未登记）'}
          </Tag>
        )}
      </Form>
    </Card>
  );
}
