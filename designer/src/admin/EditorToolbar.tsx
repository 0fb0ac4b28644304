import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import ConflictNotice from './history/ConflictNotice.js';
import VersionHistoryDrawer from './history/VersionHistoryDrawer.js';
import type { DefinitionEditing } from './useDefinition.js';

export default function EditorToolbar<B>({ def, title, getBody, extra }: { def: DefinitionEditing<B>; title: string; getBody: () => Promise<B | null> | B | null; extra?: React.ReactNode }) {
  const run = async (f: (b: B) => Promise<unknown>) => {
    const b = await getBody();
    if (b !== null) await f(b);
  };
  const latest = def.detail?.latest?.version;
  const [history, setHistory] = useState(false);
  const base = def.detail?.latest ?? def.detail?.draft;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {latest ? <Tag color="blue">已发布第 {latest} 版</Tag> : <Tag>未发布</Tag>}
          {def.detail?.draft ? <Tag color="orange">有草稿</Tag> : null}
          {def.isNew ? <Tag color="green">新建</Tag> : null}
        </Space>
        <Space>
          {extra}
          <Button onClick={() => setHistory(true)} disabled={!base} data-testid="history">
            版本历史
          </Button>
          <Button onClick={() => void run(def.saveDraft)} loading={def.busy === 'save'} data-testid="save-draft">
            保存草稿
          </Button>
          <Button onClick={() => void run(def.check)} loading={def.busy === 'check'} data-testid="check">
            校验
          </Button>
          <Button type="primary" onClick={() => void run(def.publish)} loading={def.busy === 'publish'} data-testid="publish">
            发布
          </Button>
        </Space>
      </Space>
      {def.status && !def.conflict && <Alert type={def.status.type} showIcon message={def.status.text} closable data-testid="editor-status" />}
      <ConflictNotice def={def} />
      {base && <VersionHistoryDrawer open={history} onClose={() => setHistory(false)} base={`/api/definitions/${encodeURIComponent(base.kind)}/${encodeURIComponent(base.key)}`} detail={def.detail} />}
    </Space>
  );
}
