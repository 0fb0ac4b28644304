// 文书模板 (a shared template definition): its name and the template workbench; saved, checked and published
// like every definition.
import { Alert, Card, Input, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import EditorToolbar from '../EditorToolbar.js';
import ProblemList from '../ProblemList.js';
import { useDefinition } from '../useDefinition.js';
import TemplateWorkbench from './TemplateWorkbench.js';

interface TemplateBody {
  name: string;
  source: string;
}

/** a check's problems point at /source; the workbench marks the ones with a line */
const ofSource = (pointer: string | undefined): boolean => pointer === undefined || pointer === '' || pointer === '/source';

export function TemplateEditor({ defKey }: { defKey: string }) {
  const notification = defKey.startsWith('notify-'); // a notification's template (server: TEMPLATE_OF in compose.ts)
  const def = useDefinition<TemplateBody>('template', defKey, () => ({ name: defKey, source: notification ? '标题\n正文\n' : '<h1>{{level.title}}</h1>\n' }));
  const [body, setBody] = useState<TemplateBody | null>(null);
  useEffect(() => {
    if (def.body && !body) setBody(def.body);
  }, [def.body, body]);
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (!body) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`${notification ? '通知模板' : '文书模板'}：${body.name || defKey}`} getBody={() => body} />
      <ProblemList problems={def.problems} />
      <Card size="small" title="模板名称">
        <Input aria-label="模板名称" value={body.name} onChange={(e) => setBody({ ...body, name: e.target.value })} />
      </Card>
      <TemplateWorkbench source={body.source} onChange={(source) => setBody({ ...body, source })} problems={(def.problems ?? []).filter((p) => ofSource(p.pointer))} title={body.name} {...(notification ? { purpose: 'notification' as const } : {})} />
    </Space>
  );
}

export default TemplateEditor;
