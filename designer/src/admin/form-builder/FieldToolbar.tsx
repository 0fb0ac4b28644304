// 添加字段 (at the top level) and 添加子字段 (into the selected group or table).
import { Button, Space, Tooltip } from 'antd';
import { uniqueKeyFromLabel } from './field-key.js';
import { addField, getField, siblingKeys, type FormDoc } from './schema-tree.js';

export default function FieldToolbar({
  doc,
  selected,
  onEdit,
}: {
  doc: FormDoc;
  selected: readonly string[] | null;
  /** an edit, and the field to select after it */
  onEdit: (edit: (doc: FormDoc) => FormDoc, select?: string[] | null) => void;
}) {
  const field = selected ? getField(doc, selected) : undefined;
  const isContainer = field?.kind === 'group' || field?.kind === 'table';
  const add = (parent: string[]) => {
    // the key comes from the label (xinZiDuan, then the label the author types: see FieldPanel)
    const key = uniqueKeyFromLabel('新字段', siblingKeys(doc, parent), parent.length === 0);
    onEdit((d) => addField(d, parent, { key, title: '新字段', kind: 'text' }), [...parent, key]);
  };
  const label = field ? (typeof field.schema.title === 'string' && field.schema.title) || field.key : '';
  return (
    <Space size={4} wrap>
      <Button type="primary" size="small" onClick={() => add([])} data-testid="add-field">
        ＋ 添加字段
      </Button>
      <Tooltip title={isContainer ? `在「${label}」中添加一个${field?.kind === 'table' ? '栏目' : '字段'}` : '先在列表中选中一个分组或表格'}>
        <Button size="small" disabled={!isContainer} onClick={() => field && add(field.path)} data-testid="add-child-field">
          ＋ 添加子字段
        </Button>
      </Tooltip>
    </Space>
  );
}
