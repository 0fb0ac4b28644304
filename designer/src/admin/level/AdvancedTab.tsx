// 高级: the whole level body as JSON — the same value every tab's form edits, so a change here shows in the
// forms and the other way round — and a template's Handlebars source when 文书 asked to edit one.
import { Alert, Card, Input, Space, Typography } from 'antd';
import JsonText from '../JsonText.js';
import { templateLabel, type LevelBody } from './level-model.js';

export interface AdvancedTabProps {
  body: LevelBody;
  setBody: (b: LevelBody) => void;
  /** the template whose source is open, if any */
  template: string | null;
}

export default function AdvancedTab({ body, setBody, template }: AdvancedTabProps) {
  const source = template !== null ? body.templates?.[template] : undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {template !== null && source !== undefined && (
        <Card size="small" title={`文书模板：${templateLabel(template)}（Handlebars 源文本）`} data-testid="template-source-card">
          <Input.TextArea
            className="zc-json"
            rows={16}
            spellCheck={false}
            data-testid="level-template-source"
            value={source}
            onChange={(e) => setBody({ ...body, templates: { ...(body.templates ?? {}), [template]: e.target.value } })}
          />
        </Card>
      )}
      <Card size="small" title="整个层级定义（JSON）">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message="这里与各页的表单是同一份内容：在这里修改后，其他页随之更新；表单表示不了的内容（如手写的条件）只能在这里修改，并原样保留。"
        />
        <JsonText value={body} onChange={(v) => {
            // only an object is a level body; anything else waits for more typing
            if (typeof v === 'object' && v !== null && !Array.isArray(v)) setBody(v as LevelBody);
          }} rows={32} testId="level-json" />
        <Typography.Text type="secondary">保存、校验、发布都使用这份内容。</Typography.Text>
      </Card>
    </Space>
  );
}
