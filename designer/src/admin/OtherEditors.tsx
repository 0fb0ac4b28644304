// The committees document as JSON: the 高级 view of what 评委会管理 (admin/committees/) edits one committee at a time.
import { Alert, Card, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { KIND_LABELS } from '../common/labels.js';
import EditorToolbar from './EditorToolbar.js';
import JsonText from './JsonText.js';
import ProblemList from './ProblemList.js';
import { useDefinition } from './useDefinition.js';

// 系列, 评审年度 and 日历 have form-based editors (series/, campaign/, calendar/); what remains here is JSON
const FRESH: Record<string, (key: string) => unknown> = {
  committees: () => ({ committees: [] }),
};

export function JsonDefinitionEditor({ kind, defKey }: { kind: string; defKey: string }) {
  const def = useDefinition<unknown>(kind, defKey, () => (FRESH[kind] ?? (() => ({})))(defKey));
  const [body, setBody] = useState<unknown>(undefined);
  useEffect(() => {
    if (def.body !== undefined && body === undefined) setBody(def.body);
  }, [def.body, body]);
  if (def.loadError) return <Alert type="error" showIcon message={def.loadError} />;
  if (body === undefined) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <EditorToolbar def={def} title={`${KIND_LABELS[kind] ?? kind}（高级：整份 JSON）`} getBody={() => body} />
      <ProblemList problems={def.problems} />
      <Card size="small">
        <JsonText value={body} onChange={setBody} rows={32} testId="definition-json" />
      </Card>
    </Space>
  );
}
