// A save refused because a colleague saved a newer draft: who and when (the server's message), 载入对方的草稿
// (the refused edit is set aside first), or 仍用我的修改覆盖 after a confirmation. After the reload, the set-aside
// edit stays offered: copy its JSON (to paste into 高级) or view it, until discarded.
import { Alert, Button, Modal, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { beijingTime } from '../../common/beijing-time.js';
import type { DefinitionEditing } from '../useDefinition.js';

export default function ConflictNotice<B>({ def }: { def: DefinitionEditing<B> }) {
  const [viewing, setViewing] = useState(false);
  const json = def.setAside ? JSON.stringify(def.setAside.body, null, 2) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      void message.success('已复制您的修改（JSON），可粘贴到「高级」中');
    } catch {
      setViewing(true);
    }
  };
  return (
    <>
      {def.conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="draft-conflict"
          message="他人已保存了更新的草稿，您的修改未保存"
          description={
            <Space direction="vertical">
              <Typography.Text data-testid="draft-conflict-message">{def.conflict.message}</Typography.Text>
              <Typography.Text type="secondary">您的修改仍在编辑器中；载入对方的草稿时，您的修改会先保留在本浏览器，可随时复制回来。</Typography.Text>
              <Space wrap>
                <Button type="primary" onClick={def.loadTheirs} data-testid="load-theirs">
                  载入对方的草稿
                </Button>
                <Button
                  danger
                  onClick={() =>
                    Modal.confirm({
                      title: '用我的修改覆盖对方的草稿？',
                      content: '对方保存的内容将被替换（可在审计记录中查到）。',
                      okText: '覆盖',
                      cancelText: '取消',
                      onOk: () => def.overwrite(),
                    })
                  }
                  data-testid="overwrite-theirs"
                >
                  仍用我的修改覆盖
                </Button>
                <Button onClick={def.dismissConflict}>继续编辑</Button>
              </Space>
            </Space>
          }
        />
      )}
      {def.setAside && !def.conflict && (
        <Alert
          type="info"
          showIcon
          closable={false}
          data-testid="set-aside"
          message={`已载入对方的草稿；您在 ${beijingTime(def.setAside.at)} 未能保存的修改保留在这里`}
          description={
            <Space wrap>
              <Button size="small" onClick={() => void copy()} data-testid="set-aside-copy">
                复制我的修改（JSON）
              </Button>
              <Button size="small" onClick={() => setViewing(true)} data-testid="set-aside-view">
                查看我的修改
              </Button>
              <Button size="small" onClick={def.discardSetAside} data-testid="set-aside-discard">
                丢弃
              </Button>
            </Space>
          }
        />
      )}
      <Modal open={viewing} title="我未能保存的修改（只读，可复制到「高级」）" onCancel={() => setViewing(false)} footer={null} width={720}>
        <pre style={{ maxHeight: 480, overflow: 'auto', background: '#fafafa', padding: 12, fontSize: 12 }} data-testid="set-aside-json">
          {json}
        </pre>
      </Modal>
    </>
  );
}
