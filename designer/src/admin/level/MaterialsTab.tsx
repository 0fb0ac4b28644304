// 材料清单: the checklist an applicant uploads, one row per item, in the order applicants see it.
import { Button, Card, Empty, Typography } from 'antd';
import { useCallback, useMemo, useRef } from 'react';
import type { ProblemDetail } from '../../api.js';
import { levelFacts } from '../../common/condition-builder/index.js';
import { move, newMaterialId, type LevelBody, type Material } from './level-model.js';
import MaterialRow from './MaterialRow.js';

export interface MaterialsTabProps {
  body: LevelBody;
  patch: (p: Partial<LevelBody>) => void;
  problems: ProblemDetail[] | null;
  /** the pointer a problem in the list points at */
  focus: string | null;
}

export default function MaterialsTab({ body, patch, problems, focus }: MaterialsTabProps) {
  const materials = useMemo(() => (Array.isArray(body.materials) ? body.materials : []), [body.materials]);
  const facts = useMemo(() => levelFacts(body.form, body.uiSchema), [body.form, body.uiSchema]);
  // rows get stable operations that edit the latest list, so unchanged rows skip re-rendering
  const latest = useRef({ materials, patch });
  latest.current = { materials, patch };
  const setList = (fn: (l: Material[]) => Material[]) => latest.current.patch({ materials: fn(latest.current.materials) });
  const onChange = useCallback((i: number, m: Material) => setList((l) => l.map((x, j) => (j === i ? m : x))), []); // eslint-disable-line react-hooks/exhaustive-deps
  const onMove = useCallback((i: number, d: -1 | 1) => setList((l) => move(l, i, d)), []); // eslint-disable-line react-hooks/exhaustive-deps
  const onRemove = useCallback((i: number) => setList((l) => l.filter((_, j) => j !== i)), []); // eslint-disable-line react-hooks/exhaustive-deps
  const focusRow = focus?.match(/^\/materials\/\d+/)?.[0] ?? null;

  return (
    <Card
      size="small"
      title="材料清单（申报人按此顺序上传）"
      data-testid="level-materials"
      extra={
        <Button
          type="primary"
          data-testid="add-material"
          onClick={() => setList((l) => [...l, { id: newMaterialId(l), name: '', required: true, accept: ['application/pdf'], maxBytes: 10 * 1024 * 1024 }])}
        >
          添加材料
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">“满足条件时必交”的条件用申报表的字段和平台信息搭建，与资格规则相同；条件不满足时该项为选交。</Typography.Paragraph>
      {materials.length === 0 ? (
        <Empty description="还没有材料" />
      ) : (
        <div className="zc-material-list">
          {materials.map((m, i) => (
            <MaterialRow
              key={`${m.id}-${i}`}
              item={m}
              index={i}
              count={materials.length}
              facts={facts}
              problems={problems}
              focused={focusRow === `/materials/${i}`}
              onChange={onChange}
              onMove={onMove}
              onRemove={onRemove}
            />
          ))}
        </div>
      )}
    </Card>
  );
}
