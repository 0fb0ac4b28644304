// 电子证书 (F8): what the certificate of this level names, picked from the form's fields, never typed as a pointer —
// the title and series of the original certificate for a confirmed title, and a basis line whose fields show as
// {字段名称} here and are stored as {/pointer}.
import { Card, Form, Input, Select } from 'antd';
import type { ProblemDetail } from '../../api.js';
import { fieldStatus } from '../problems-at.js';
import { specialtyFieldOptions, type LevelBody } from './level-model.js';
import { basisForPeople, basisForStore } from './certificate-basis.js';

type Shown = NonNullable<LevelBody['certificate']>;

export default function CertificateCard({ body, patch, problems }: { body: LevelBody; patch: (p: Partial<LevelBody>) => void; problems: ProblemDetail[] | null }) {
  const fields = specialtyFieldOptions(body.form, body.uiSchema);
  const shown: Shown = body.certificate ?? {};
  const set = (key: keyof Shown, value: string | undefined) => {
    const { [key]: _drop, ...rest } = shown;
    const next = value ? { ...rest, [key]: value } : rest;
    patch({ certificate: Object.keys(next).length ? next : undefined });
  };
  const optionsWith = (v: string | undefined) => (v && !fields.some((f) => f.value === v) ? [...fields, { value: v, label: `${v.slice(1)}（表单中没有此字段）` }] : fields);
  return (
    <Card size="small" title="电子证书" data-testid="level-certificate">
      <Form layout="vertical" component="div" style={{ maxWidth: 720 }}>
        <Form.Item label="证书上的职称名称取自" extra="不选时为本层级的职称名称；职称确认时选原证书的职称名称" {...fieldStatus(problems, '/certificate/titleField')} data-pointer="/certificate/titleField">
          <Select data-testid="certificate-title-field" allowClear showSearch optionFilterProp="label" placeholder="本层级的职称名称" value={shown.titleField} options={optionsWith(shown.titleField)} onChange={(v: string | undefined) => set('titleField', v)} />
        </Form.Item>
        <Form.Item label="证书上的系列取自" extra="不选时为本系列的名称" {...fieldStatus(problems, '/certificate/seriesField')} data-pointer="/certificate/seriesField">
          <Select allowClear showSearch optionFilterProp="label" placeholder="本系列的名称" value={shown.seriesField} options={optionsWith(shown.seriesField)} onChange={(v: string | undefined) => set('seriesField', v)} />
        </Form.Item>
        <Form.Item label="取得依据（写在证书上）" extra="花括号中的字段名称处填入申报表中该字段的内容；从右侧选择字段插入" {...fieldStatus(problems, '/certificate/basis')} data-pointer="/certificate/basis">
          <Input
            data-testid="certificate-basis"
            maxLength={200}
            placeholder="如：职称确认（原发证机关：{原评审（发证）机关}）"
            value={shown.basis ? basisForPeople(shown.basis, fields) : ''}
            onChange={(e) => set('basis', basisForStore(e.target.value, fields))}
            addonAfter={
              <Select style={{ width: 200 }} placeholder="插入字段" value={null} showSearch optionFilterProp="label" options={fields} onChange={(v: string) => set('basis', `${shown.basis ?? ''}{${v}}`)} />
            }
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
