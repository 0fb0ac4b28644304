// The properties of the selected field: key, 标题, 类型, 必填, 说明, the limits that fit its type, its options,
// and when it is shown or required (conditions on another answer).
import { Alert, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { ID_DOCUMENT_TYPES } from '../../../../server/domain/forms/id-document.js';
import { REQUIRED_IF, SHOW_IF } from './conditions-doc.js';
import FieldActions from './FieldActions.js';
import FieldConditionEditor from './FieldConditionEditor.js';
import { isDerivedKey, uniqueKeyFromLabel } from './field-key.js';
import { optionsOf, setOptions } from './field-options.js';
import KeyInput from './KeyInput.js';
import OptionsEditor from './OptionsEditor.js';
import { patternProblem } from './pattern-safety.js';
import { DATE_FORMATS, EDITABLE_KINDS, KIND_LABELS, MATERIAL_KEYWORD, patchField, patchUi, renameField, setKind, setRequired, siblingKeys, type FieldInfo, type FieldKind, type FormDoc } from './schema-tree.js';

/** the keywords this panel edits; every other one is listed as kept as is */
const HANDLED = new Set(['type', 'title', 'description', 'format', 'enum', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'properties', 'required', 'items', 'minItems', 'maxItems', 'uniqueItems', SHOW_IF, REQUIRED_IF, 'x-id-document', MATERIAL_KEYWORD]);

/** a problem of the server's check that concerns this field (FormBuilder maps pointers to fields) */
export interface FieldProblem {
  code?: string;
  message: string;
  pointer?: string;
}

/** a material of the level's checklist a field may point at */
export interface MaterialChoice {
  id: string;
  name: string;
}

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

function PatternInput({ value, problems, onPatch }: { value: string; problems: FieldProblem[]; onPatch: (p: Record<string, unknown>) => void }) {
  const local = patternProblem(value);
  // the server's refusal (publish check) when it is about this pattern, else the browser's own look
  const messages = [...new Set([...problems.map((p) => p.message), ...(local ? [local] : [])])];
  return (
    <Form.Item
      label="格式（正则表达式，可不填）"
      htmlFor="zc-field-pattern"
      validateStatus={messages.length ? 'error' : undefined}
      help={messages.length ? <span data-testid="pattern-problem">{messages.join('；')}</span> : '例如 ^[A-Z0-9]{6,20}$；不支持反向引用和前后断言'}
    >
      <Input id="zc-field-pattern" data-testid="field-pattern" value={value} spellCheck={false} onChange={(e) => onPatch({ pattern: e.target.value || undefined })} />
    </Form.Item>
  );
}

export default function FieldPanel({
  doc,
  field,
  onEdit,
  problems = [],
  materials,
}: {
  doc: FormDoc;
  field: FieldInfo;
  onEdit: (edit: (doc: FormDoc) => FormDoc, select?: string[] | null) => void;
  problems?: FieldProblem[];
  materials?: readonly MaterialChoice[];
}) {
  const { schema, kind, path } = field;
  const parent = path.slice(0, -1);
  const patch = (p: Record<string, unknown>) => onEdit((d) => patchField(d, path, p));
  const title = typeof schema.title === 'string' ? schema.title : '';
  // the key follows the label while it is still the one the label gave (or an old field1…)
  const titleAtFocus = useRef(title);
  const siblings = siblingKeys(doc, parent);
  const followTitle = () => {
    const before = titleAtFocus.current;
    titleAtFocus.current = title;
    if (title.trim() === '' || title === before) return;
    const derived = /^field\d+$/.test(field.key) || isDerivedKey(field.key, before, siblings, parent.length === 0);
    if (!derived) return;
    const next = uniqueKeyFromLabel(title, siblings.filter((k) => k !== field.key), parent.length === 0, field.key);
    if (next !== field.key) onEdit((d) => renameField(d, path, next), [...parent, next]);
  };
  const patternProblems = problems.filter((p) => p.pointer?.endsWith('/pattern'));
  const otherProblems = problems.filter((p) => !p.pointer?.endsWith('/pattern'));
  const kept = Object.keys(schema).filter((k) => !HANDLED.has(k));
  const kindOptions = EDITABLE_KINDS.map((k) => ({ value: k as FieldKind, label: KIND_LABELS[k] }));
  if (kind === 'other') kindOptions.unshift({ value: 'other', label: KIND_LABELS.other });
  const enumNames = schema.enumNames;

  return (
    <Card size="small" title={`字段属性：${title || field.key}`} extra={<FieldActions doc={doc} field={field} onEdit={onEdit} />} data-testid="field-panel" styles={{ body: { paddingBottom: 8 } }}>
      <Form layout="vertical" size="small" component="div">
        {otherProblems.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="field-problems" title={otherProblems.map((p) => p.message).join('；')} />
        )}
        <KeyInput
          key={path.join('.')}
          value={field.key}
          siblings={siblings}
          topLevel={parent.length === 0}
          onCommit={(k) => onEdit((d) => renameField(d, path, k), [...parent, k])}
        />
        <Form.Item label="标题" htmlFor="zc-field-title" required validateStatus={title ? undefined : 'warning'} help={title ? undefined : '请填写中文标题，申报人看到的是标题'}>
          <Input
            id="zc-field-title"
            data-testid="field-title"
            value={title}
            onFocus={() => (titleAtFocus.current = title)}
            onChange={(e) => patch({ title: e.target.value })}
            onBlur={followTitle}
            onPressEnter={followTitle}
          />
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
                onChange={(k: FieldKind) =>
                  k !== 'other' &&
                  onEdit((d) => {
                    const next = setKind(d, path, k);
                    // a material reference may point at any of the level's materials until narrowed
                    if (k !== 'material' || !materials?.length) return next;
                    return patchUi(patchField(next, path, { enum: materials.map((m) => m.id) }), path, { 'ui:enumNames': materials.map((m) => m.name) });
                  })
                }
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item>
              <Checkbox checked={field.required} onChange={(e) => onEdit((d) => setRequired(d, path, e.target.checked))} data-testid="field-required">
                {schema[SHOW_IF] !== undefined ? '显示时必填' : '必填'}
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {kind === 'other' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="此字段的结构不在可视化编辑范围内，请在“JSON”页修改；标题、说明、必填仍可在此修改。" />}
        <Form.Item label="说明" htmlFor="zc-field-description" help="填写提示，显示在字段旁">
          <Input.TextArea id="zc-field-description" rows={2} value={typeof schema.description === 'string' ? schema.description : ''} onChange={(e) => patch({ description: e.target.value || undefined })} />
        </Form.Item>
        {(kind === 'text' || kind === 'textarea') && <NumberPair labels={['最少字数', '最多字数']} keys={['minLength', 'maxLength']} schema={schema} integer onPatch={patch} />}
        {(kind === 'text' || kind === 'textarea') && <PatternInput value={typeof schema.pattern === 'string' ? schema.pattern : ''} problems={patternProblems} onPatch={patch} />}
        {kind === 'multi' && <NumberPair labels={['至少选几项', '至多选几项']} keys={['minItems', 'maxItems']} schema={schema} integer onPatch={patch} />}
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
        {(kind === 'enum' || kind === 'multi') && (
          <>
            <OptionsEditor key={path.join('.')} value={optionsOf(field)} onChange={(options) => onEdit((d) => setOptions(d, path, options))} />
            {kind === 'multi' && <Typography.Paragraph type="secondary">申报人勾选一项或多项，保存的是所选项的存储值列表。</Typography.Paragraph>}
            {Array.isArray(enumNames) && Array.isArray(schema.enum) && enumNames.length !== schema.enum.length && (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="enumNames（选项显示名）的个数与选项不一致，请在 JSON 中核对" />
            )}
          </>
        )}
        {kind === 'idDocument' && (
          <Typography.Paragraph type="secondary" data-testid="id-document-help">
            申报人先选证件类型（{ID_DOCUMENT_TYPES.join('、')}），再填号码。每种证件按各自规则校验：居民身份证与港澳台居民居住证（810000/820000/830000
            开头）核对 18 位号码的出生日期和校验位（GB 11643），外国人永久居留身份证接受 2017 年版（9 开头 18 位）与旧版（3 个字母加 12 位数字），护照为 5–17
            位字母或数字。
          </Typography.Paragraph>
        )}
        {kind === 'material' && (
          <Form.Item
            label="可引用的材料（本层级材料清单中的项目）"
            htmlFor="zc-field-materials"
            validateStatus={materials && materials.length === 0 ? 'warning' : undefined}
            help={materials ? (materials.length === 0 ? '材料清单还是空的，请先在“材料清单”中添加材料' : '申报人从中选择一项；不选则可引用清单中的任一项') : '材料清单未载入；已选的材料保持不变'}
          >
            <Select
              id="zc-field-materials"
              data-testid="field-materials"
              mode="multiple"
              placeholder="全部材料"
              value={Array.isArray(schema.enum) ? schema.enum.map(String) : []}
              options={(materials ?? (Array.isArray(schema.enum) ? schema.enum.map((id) => ({ id: String(id), name: String(id) })) : [])).map((m) => ({ value: m.id, label: m.name }))}
              onChange={(ids: string[]) => {
                const chosen = ids.length ? ids : (materials ?? []).map((m) => m.id);
                const names = chosen.map((id) => materials?.find((m) => m.id === id)?.name ?? id);
                const some = chosen.length > 0;
                onEdit((d) => patchUi(patchField(d, path, { enum: some ? chosen : undefined }), path, { 'ui:enumNames': some ? names : undefined }));
              }}
            />
          </Form.Item>
        )}
        <FieldConditionEditor doc={doc} field={field} which={SHOW_IF} onEdit={onEdit} />
        {schema[SHOW_IF] === undefined && !field.required && <FieldConditionEditor doc={doc} field={field} which={REQUIRED_IF} onEdit={onEdit} />}
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
