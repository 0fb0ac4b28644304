// 文书: the documents this level brings its own template for, by their Chinese names; a document it has
// none for comes from the shared template of the same name. 编辑 opens the template workbench (source with
// errors at their line, a picker of the fields it may use, a live preview on this level's sample).
import { Alert, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText, type ProblemDetail } from '../../api.js';
import type { DefinitionDetail } from '../../types/api.js';
import { problemsAt } from '../problems-at.js';
import TemplateWorkbench from '../templates/TemplateWorkbench.js';
import { templateLabel, TEMPLATE_LABELS, token, type LevelBody } from './level-model.js';

export interface TemplatesTabProps {
  body: LevelBody;
  patch: (p: Partial<LevelBody>) => void;
  /** the level's definition key: its sample applicant is what the preview prints */
  levelKey: string;
  problems: ProblemDetail[] | null;
  /** show a template's source in the 高级 tab */
  onSource: (name: string) => void;
}

export default function TemplatesTab({ body, patch, levelKey, problems, onSource }: TemplatesTabProps) {
  const own = body.templates ?? {};
  const names = [...Object.keys(own), ...Object.keys(TEMPLATE_LABELS).filter((n) => !Object.hasOwn(own, n))];
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setTemplates = (t: Record<string, string>) => patch({ templates: t });
  // the level's own copy starts from the shared template it replaces
  const copyShared = async (name: string) => {
    setError(null);
    try {
      const d = await api.get<DefinitionDetail<{ source?: string }>>(`/api/definitions/template/${encodeURIComponent(name)}`);
      setTemplates({ ...own, [name]: d.latest?.body.source ?? d.draft?.body.source ?? '' });
      setEditing(name);
    } catch (e) {
      setError(`读取共用模板失败：${errorText(e)}`);
    }
  };
  const open = editing !== null && Object.hasOwn(own, editing) ? editing : null;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title="文书模板" data-testid="level-templates">
        <Typography.Paragraph type="secondary">本层级自带的模板优先；没有自带时使用同名的共用文书模板（在“文书模板”中维护）。</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
        <List
          size="small"
          bordered
          dataSource={names}
          renderItem={(n) => {
            const here = problemsAt(problems, `/templates/${token(n)}`, true);
            const mine = Object.hasOwn(own, n);
            return (
              <List.Item
                data-testid="template-item"
                data-pointer={`/templates/${token(n)}`}
                style={{ background: n === open ? '#e6f4ff' : undefined }}
                actions={
                  mine
                    ? [
                        <Button key="edit" size="small" type={n === open ? 'primary' : 'default'} onClick={() => setEditing(n)} data-testid="template-edit">
                          编辑
                        </Button>,
                        <Button key="src" size="small" type="link" onClick={() => onSource(n)} data-testid="template-source-link">
                          源文本（高级）
                        </Button>,
                        <Popconfirm
                          key="drop"
                          title="删除本层级的模板，改用同名的共用模板？"
                          okText="改用共用模板"
                          cancelText="取消"
                          onConfirm={() => {
                            const { [n]: _drop, ...rest } = own;
                            setTemplates(rest);
                          }}
                        >
                          <Button size="small" type="link" danger>
                            改用共用模板
                          </Button>
                        </Popconfirm>,
                      ]
                    : [
                        <Button key="copy" size="small" onClick={() => void copyShared(n)} data-testid="template-own">
                          为本层级单独定制
                        </Button>,
                      ]
                }
              >
                <Space direction="vertical" size={0}>
                  <Space>
                    <Typography.Text strong>{templateLabel(n)}</Typography.Text>
                    {mine ? <Tag color="blue">本层级模板</Tag> : <Tag>使用共用模板</Tag>}
                  </Space>
                  {here.map((p, i) => (
                    <Typography.Text key={i} type="danger">
                      {p.message}
                    </Typography.Text>
                  ))}
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
      {open !== null && (
        <Card size="small" title={`编辑文书：${templateLabel(open)}`}>
          <TemplateWorkbench
            key={open}
            source={own[open] ?? ''}
            onChange={(source) => setTemplates({ ...own, [open]: source })}
            levelKey={levelKey}
            problems={problemsAt(problems, `/templates/${token(open)}`, true)}
            title={templateLabel(open)}
          />
        </Card>
      )}
    </Space>
  );
}
