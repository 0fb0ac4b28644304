// The template workbench: the Handlebars source with line numbers and errors marked at their line, a picker
// of the fields and facts the template may use (click inserts at the cursor), the application or sample to
// preview on, and the live preview (sandboxed iframe, rendered by the server as the real document would be).
// Used by the 文书模板 editor and by the level editor's 文书 tab: keep the props stable.
import { Alert, Card, Col, Row, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type ProblemDetail } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import FieldPicker from './FieldPicker.js';
import PreviewTargetSelect from './PreviewTargetSelect.js';
import SourceEditor, { type SourceEditorHandle } from './SourceEditor.js';
import type { PreviewOn, PreviewTargets, TemplateFields, TemplateProblem } from './types.js';
import { usePreview } from './usePreview.js';

export interface TemplateWorkbenchProps {
  source: string;
  onChange(source: string): void;
  /** the level whose form the template prints: its sample is previewed first and its fields are offered */
  levelKey?: string;
  /** problems from 校验/发布 (those with a line are marked there) */
  problems?: ProblemDetail[];
  /** the document's name, shown in the preview's title */
  title?: string;
  /** a notification template (notify-*): its facts are offered and it previews as the message would look */
  purpose?: 'notification';
}

const NOTIFICATION_ON: PreviewOn = { purpose: 'notification' };

const located = (p: TemplateProblem): p is TemplateProblem & { line: number } => typeof p.line === 'number';

export default function TemplateWorkbench({ source, onChange, levelKey, problems, title, purpose }: TemplateWorkbenchProps) {
  const editor = useRef<SourceEditorHandle>(null);
  const notification = purpose === 'notification';
  const targets = useLoad(() => (notification ? Promise.resolve({ applications: [], levels: [] }) : api.get<PreviewTargets>('/api/admin/templates/preview-targets')), [notification]);
  const [on, setOn] = useState<PreviewOn | null>(notification ? NOTIFICATION_ON : levelKey ? { sampleLevel: levelKey } : null);
  useEffect(() => {
    // without a level, preview on the first level's sample
    if (!on && targets.data?.levels[0]) setOn({ sampleLevel: targets.data.levels[0].key });
  }, [on, targets.data]);
  useEffect(() => {
    if (levelKey) setOn({ sampleLevel: levelKey });
  }, [levelKey]);

  const fieldsLevel = on === null || 'purpose' in on ? levelKey : 'sampleLevel' in on ? on.sampleLevel : (targets.data?.applications.find((a) => a.id === on.applicationId)?.levelKey ?? levelKey);
  const fieldsQuery = notification ? '?purpose=notification' : fieldsLevel ? `?levelKey=${encodeURIComponent(fieldsLevel)}` : '';
  const fields = useLoad(() => api.get<TemplateFields>(`/api/admin/templates/fields${fieldsQuery}`), [fieldsQuery]);

  const preview = usePreview(source, on, title);
  const all: TemplateProblem[] = useMemo(() => [...preview.problems, ...((problems ?? []) as TemplateProblem[])], [preview.problems, problems]);
  const marks = useMemo(() => {
    const m = new Map<number, string>();
    for (const p of all.filter(located)) m.set(p.line, m.has(p.line) ? `${m.get(p.line)}；${p.message}` : p.message);
    return m;
  }, [all]);
  const unlocated = all.filter((p) => !located(p));

  return (
    <div data-testid="template-workbench">
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Card size="small" title={notification ? '通知模板（生成纯文本，用于站内消息、邮件和短信）' : '模板（Handlebars，输出 HTML，服务器端生成并自动转义）'} styles={{ body: { padding: 8 } }}>
            {notification ? (
              <Typography.Paragraph type="secondary" data-testid="notification-caption" style={{ margin: '0 0 6px' }}>
                第一行是标题，其余是正文。
              </Typography.Paragraph>
            ) : null}
            <SourceEditor ref={editor} value={source} onChange={onChange} marks={marks} />
            {all.filter(located).length > 0 ? (
              <div data-testid="template-problems" style={{ marginTop: 8 }}>
                {all.filter(located).map((p, i) => (
                  <Alert
                    key={`${p.code}-${i}`}
                    type="error"
                    showIcon
                    style={{ marginBottom: 4, cursor: 'pointer' }}
                    data-testid="template-problem"
                    data-line={p.line}
                    message={p.message.includes(`第 ${p.line} 行`) ? p.message : `第 ${p.line} 行：${p.message}`}
                    onClick={() => editor.current?.goToLine(p.line)}
                  />
                ))}
              </div>
            ) : null}
            {unlocated.map((p, i) => (
              <Alert key={`u-${i}`} type="error" showIcon style={{ marginTop: 8 }} data-testid="template-problem" message={p.message} />
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="可用栏目（点击插入到光标处）" styles={{ body: { padding: 8, maxHeight: 640, overflow: 'auto' } }}>
            {fields.error ? <Alert type="error" showIcon message={fields.error} /> : fields.data ? <FieldPicker groups={fields.data.groups} helpers={fields.data.helpers} onPick={(t) => editor.current?.insert(t)} defaultOpen={notification ? ['people', 'step', 'items'] : undefined} /> : <Spin />}
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={
          <Space>
            <span>{notification ? '预览（样例：申报人张三，收到的通知）' : '预览'}</span>
            {preview.busy ? <Spin size="small" /> : null}
            {preview.problems.length > 0 ? <Typography.Text type="danger">模板有错误，显示的是上一次成功的预览</Typography.Text> : null}
          </Space>
        }
        extra={notification ? undefined : <PreviewTargetSelect targets={targets.data} value={on} onChange={setOn} />}
      >
        {preview.error ? <Alert type="warning" showIcon message={preview.error} style={{ marginBottom: 8 }} /> : null}
        {targets.error ? <Alert type="error" showIcon message={targets.error} style={{ marginBottom: 8 }} /> : null}
        {/* sandboxed: no scripts, no same origin; the page is the server's escaped HTML */}
        <iframe title={notification ? '通知预览' : '文书预览'} data-testid="template-preview" sandbox="" srcDoc={preview.html ?? ''} style={{ width: '100%', height: notification ? 360 : 640, border: '1px solid #f0f0f0', background: '#fff' }} />
      </Card>
    </div>
  );
}
