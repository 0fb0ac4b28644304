// 文书: the documents this level brings its own template for, by their Chinese names; a document it has
// none for comes from the shared template of the same name. The source is Handlebars, edited in 高级.
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import type { ProblemDetail } from '../../api.js';
import { problemsAt } from '../problems-at.js';
import { templateLabel, TEMPLATE_LABELS, token, type LevelBody } from './level-model.js';

export interface TemplatesTabProps {
  body: LevelBody;
  problems: ProblemDetail[] | null;
  /** open a template's source in the 高级 tab */
  onEdit: (name: string) => void;
}

export default function TemplatesTab({ body, problems, onEdit }: TemplatesTabProps) {
  const own = body.templates ?? {};
  const names = [...Object.keys(own), ...Object.keys(TEMPLATE_LABELS).filter((n) => !Object.hasOwn(own, n))];
  return (
    <Card size="small" title="文书模板" data-testid="level-templates">
      <Typography.Paragraph type="secondary">本层级自带的模板优先；没有自带时使用同名的共用文书模板（在“文书模板”中维护）。</Typography.Paragraph>
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
              actions={
                mine
                  ? [
                      <Button key="edit" size="small" onClick={() => onEdit(n)} data-testid="template-edit">
                        编辑
                      </Button>,
                    ]
                  : []
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
  );
}
