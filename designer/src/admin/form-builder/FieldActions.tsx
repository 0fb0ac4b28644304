// 上移 / 下移 / 删除 for the selected field (shown in its property panel's header).
import { Button, Popconfirm, Space } from 'antd';
import { canMove, removeField, moveField, type FieldInfo, type FormDoc } from './schema-tree.js';

export default function FieldActions({ doc, field, onEdit }: { doc: FormDoc; field: FieldInfo; onEdit: (edit: (doc: FormDoc) => FormDoc, select?: string[] | null) => void }) {
  const isContainer = field.kind === 'group' || field.kind === 'table';
  const label = (typeof field.schema.title === 'string' && field.schema.title) || field.key;
  return (
    <Space size={4}>
      <Button size="small" title="上移" disabled={!canMove(doc, field.path, -1)} onClick={() => onEdit((d) => moveField(d, field.path, -1))} data-testid="move-up">
        ↑ 上移
      </Button>
      <Button size="small" title="下移" disabled={!canMove(doc, field.path, 1)} onClick={() => onEdit((d) => moveField(d, field.path, 1))} data-testid="move-down">
        ↓ 下移
      </Button>
      <Popconfirm
        title={`删除字段「${label}」？`}
        description={isContainer ? '其中的子字段会一并删除，必填和排序设置也一并移除。' : '它的必填和排序设置会一并移除。'}
        okText="删除"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onConfirm={() => onEdit((d) => removeField(d, field.path), null)}
      >
        <Button size="small" danger data-testid="remove-field">
          删除
        </Button>
      </Popconfirm>
    </Space>
  );
}
