// The properties of the selected field: key, 标题, 类型, 必填, 说明, and the limits that fit its type.
import { Alert, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import EnumOptions from './EnumOptions.js';
import FieldActions from './FieldActions.js';
import KeyInput from './KeyInput.js';
import { DATE_FORMATS, EDITABLE_KINDS, KIND_LABELS, patchField, renameField, setKind, setRequired, siblingKeys, type FieldInfo, type FieldKind, type FormDoc } from './schema-tree.js';

/** the keywords this panel edits; every other one is listed as kept as is */
const HANDLED = new Set(['type', 'title', 'description', 'format', 'enum', 'minLength', 'maxLength', 'minimum', 'maximum', 'properties', 'required', 'items', 'minItems', 'maxItems']);

const DATE_FORMAT_LABELS: Record<string, string> = { date: '年-月-日', 'date-time': '日期和时间', time: '时间' };

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function NumberPair({ labels, keys, schema, integer, onPatch }: { labels: [string, string]; keys: [string, string]; schema: Record<string, unknown>; integer: boolean; onPatch: (p: Record<string, unknown>) => void }) {
  const [lo, hi] = [num(schema[keys[0]]), num(schema[keys[1]])];
  const bad = lo !== undefined && hi !== undefined && lo > hi;
  return (
    <Row gutter={12}>
      {keys.map((k, i) => (
        <Col span={12} key={k}>
          <Form.Item label={labels[i]} htmlFor={`zc-field-${k}`} validateStatus={bad ? 'error' : undefined} help={bad && i === 1 ? '不能小于下限' : undefined}>
            <InputNumber
              id={`zc-field-${k}`}
              style={{ width: '100%' }}
              min={k.startsWith('min') && k !== 'minimum' ? 0 : undefined}
              precision={integer ? 0 : undefined}
              placeholder="不限"
              value={num(schema[k]) ?? null}
              onChange={(v) => onPatch({ [k]: typeof v === 'number' ? v : undefined })}
            />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

export default function FieldPanel({ doc, field, onEdit }: { doc: FormDoc; field: FieldInfo; onEdit: (edit: (doc: FormDoc) => FormDoc, select?: string[] | null) => void }) {
  const { schema, kind, path } = field;
  const parent = path.slice(0, -1);
  const patch = (p: Record<string, unknown>) => onEdit((d) => patchField(d, path, p));
  const title = typeof schema.title === 'string' ? schema.title : '';
  const kept = Object.keys(schema).filter((k) => !HANDLED.has(k));
  const kindOptions = EDITABLE_KINDS.map((k) => ({ value: k as FieldKind, label: KIND_LABELS[k] }));
  if (kind === 'other') kindOptions.unshift({ value: 'other', label: KIND_LABELS.other });
  const enumNames = schema.enumNames;

  return (
    <Card size="small" title={`字段属性：${title || field.key}`} extra={<FieldActions doc={doc} field={field} onEdit={onEdit} />} data-testid="field-panel" styles={{ body: { paddingBottom: 8 } }}>
      <Form layout="vertical" size="small" component="div">
        <KeyInput
          key={path.join('.')}
          value={field.key}
          siblings={siblingKeys(doc, parent)}
          topLevel={parent.length === 0}
          onCommit={(k) => onEdit((d) => renameField(d, path, k), [...parent, k])}
        />
        <Form.Item label="标题" htmlFor="zc-field-title" required validateStatus={title ? undefined : 'warning'} help={title ? undefined : '请填写中文标题，申报人看到的是标题'}>
          <Input id="zc-field-title" value={title} onChange={(e) => patch({ title: e.target.value })} />
        </Form.Item>
        <Row gutter={12} align="bottom">
          <Col span={14}>
            <Form.Item label="类型" htmlFor="zc-field-kind">
              <Select
                id="zc-field-kind"
                data-testid="field-kind"
                value={kind}
                disabled={kind === 'other'}
                options={kindOptions}
                onChange={(k: FieldKind) => k !== 'other' && onEdit((d) => setKind(d, path, k))}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item>
              <Checkbox checked={field.required} onChange={(e) => onEdit((d) => setRequired(d, path, e.target.checked))} data-testid="field-required">
                必填
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {kind === 'other' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="此字段的结构不在可视化编辑范围内，请在“JSON”页修改；标题、说明、必填仍可在此修改。" />}
        <Form.Item label="说明" htmlFor="zc-field-description" help="填写提示，显示在字段旁">
          <Input.TextArea id="zc-field-description" rows={2} value={typeof schema.description === 'string' ? schema.description : ''} onChange={(e) => patch({ description: e.target.value || undefined })} />
        </Form.Item>
        {(kind === 'text' || kind === 'textarea') && <NumberPair labels={['最少字数', '最多字数']} keys={['minLength', 'maxLength']} schema={schema} integer onPatch={patch} />}
        {(kind === 'integer' || kind === 'number') && <NumberPair labels={['最小值', '最大值']} keys={['minimum', 'maximum']} schema={schema} integer={kind === 'integer'} onPatch={patch} />}
        {kind === 'table' && <NumberPair labels={['最少行数', '最多行数']} keys={['minItems', 'maxItems']} schema={schema} integer onPatch={patch} />}
        {kind === 'date' && (
          <Form.Item label="日期格式" htmlFor="zc-field-format">
            <Select
              id="zc-field-format"
              value={typeof schema.format === 'string' ? schema.format : 'date'}
              options={DATE_FORMATS.map((f) => ({ value: f, label: `${DATE_FORMAT_LABELS[f] ?? f}（${f}）` }))}
              onChange={(f: string) => patch({ format: f })}
            />
          </Form.Item>
        )}
        {kind === 'enum' && (
          <>
            <EnumOptions key={path.join('.')} value={Array.isArray(schema.enum) ? schema.enum : []} onChange={(options) => patch({ enum: options })} />
            {Array.isArray(enumNames) && Array.isArray(schema.enum) && enumNames.length !== schema.enum.length && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="enumNames（选项显示名）的个数与选项不一致，请在 JSON 中核对" />
            )}
          </>
        )}
        {(kind === 'group' || kind === 'table') && (
          <Typography.Paragraph type="secondary">
            {kind === 'group' ? '分组中的字段' : '表格每一行的栏目'}在左侧列表中编辑；选中本字段后点“添加子字段”可添加。
          </Typography.Paragraph>
        )}
        {kept.length > 0 && (
          <Form.Item label="其他设置（保持不变，可在 JSON 中修改）">
            <Space size={[4, 4]} wrap>
              {kept.map((k) => (
                <Tag key={k}>{k}</Tag>
              ))}
            </Space>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
