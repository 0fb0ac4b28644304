// 可视化编辑: the field tree with its toolbar on the left, the selected field's properties on the right.
// It edits the level's `form` and `uiSchema` (the same values the JSON editor and the preview show) through
// the pure functions of schema-tree.ts; it holds no copy of them. Show-if / required-if conditions are edited as
// field annotations and handed back compiled to standard if/then (conditions-doc.ts).
import { Alert, Col, Empty, Row, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import FieldList, { pathKey } from './FieldList.js';
import { toEditing, toStored } from './conditions-doc.js';
import FieldPanel, { type FieldProblem, type MaterialChoice } from './FieldPanel.js';
import FieldToolbar from './FieldToolbar.js';
import { getField, isObj, listFields, pointerToPath, type FormDoc } from './schema-tree.js';

export interface FormBuilderProps {
  form: unknown;
  uiSchema: unknown;
  onChange: (form: Record<string, unknown>, uiSchema: Record<string, unknown>) => void;
  /** the selected field (the editor keeps it, so a problem in the list can select its field) */
  selected: string[] | null;
  onSelect: (path: string[] | null) => void;
  /** optional: the level's materials checklist, for 材料引用 fields */
  materials?: readonly MaterialChoice[];
  /** optional: the server's check results; those under `problemPrefix` (default '/form') show at their field */
  problems?: readonly FieldProblem[] | null;
  problemPrefix?: string;
}

/** the server's problems whose pointer lands on this field (schema pointers, show-if branches included) */
function problemsOf(doc: FormDoc, path: readonly string[], problems: readonly FieldProblem[] | null | undefined, prefix: string): FieldProblem[] {
  if (!problems?.length) return [];
  return problems.filter((p) => {
    if (p.pointer === undefined || !(p.pointer === prefix || p.pointer.startsWith(`${prefix}/`))) return false;
    const at = pointerToPath(doc, p.pointer.slice(prefix.length));
    return at !== null && JSON.stringify(at) === JSON.stringify(path);
  });
}

const ancestors = (path: readonly string[]): string[] => path.slice(0, -1).map((_, i) => pathKey(path.slice(0, i + 1)));

export default function FormBuilder({ form, uiSchema, onChange, selected, onSelect, materials, problems, problemPrefix = '/form' }: FormBuilderProps) {
  const [expanded, setExpanded] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const doc: FormDoc | null = useMemo(() => (isObj(form) ? { form: toEditing(form), ui: isObj(uiSchema) ? uiSchema : {} } : null), [form, uiSchema]);
  const nodes = useMemo(() => (doc ? listFields(doc) : []), [doc]);

  // a selected field's groups are open
  useEffect(() => {
    if (!selected) return;
    const need = ancestors(selected).filter((k) => !expanded.includes(k));
    if (need.length) setExpanded([...expanded, ...need]);
  }, [selected]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!doc) return <Alert type="warning" showIcon title="表单结构应为 JSON 对象，请先在“JSON”页修正" />;
  const field = selected ? getField(doc, selected) : undefined;

  /** every edit goes through here: the pure helpers throw (in Chinese) on what they refuse */
  const apply = (edit: (d: FormDoc) => FormDoc, select?: string[] | null) => {
    try {
      const next = toStored(edit(doc));
      setError(null);
      onChange(next.form, next.ui);
      if (select !== undefined) onSelect(select);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div data-testid="form-builder">
      <Row gutter={12}>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" style={{ width: '100%' }} size="small">
            <FieldToolbar doc={doc} selected={selected} onEdit={apply} />
            <FieldList nodes={nodes} selected={selected} onSelect={onSelect} expanded={expanded} onExpand={setExpanded} />
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 8 }} onClose={() => setError(null)} />}
          {field ? (
            <FieldPanel key={pathKey(field.path)} doc={doc} field={field} onEdit={apply} materials={materials} problems={problemsOf(doc, field.path, problems, problemPrefix)} />
          ) : (
            <Empty style={{ marginTop: 48 }} description={selected ? '所选字段已不存在' : '在左侧选择一个字段进行编辑'} />
          )}
        </Col>
      </Row>
    </div>
  );
}
