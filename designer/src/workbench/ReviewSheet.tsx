// The application as the printed 评审表 lays it out, read-only and compact: each section a bordered block of
// label–value pairs, each list of rows (工作经历, 论文…) a small table. Labels and values come from the server
// (GET /api/tasks/:applicationId/:taskId/view), already in words.
import { Descriptions, Table, Typography } from 'antd';
import type { ReviewSection } from '../../../server/domain/documents/review-sections.js';

export type { ReviewSection };

export default function ReviewSheet({ title, sections }: { title: string; sections: ReviewSection[] }) {
  return (
    <div data-testid="review-sheet" className="zc-review-sheet">
      <Typography.Title level={5} style={{ textAlign: 'center', marginTop: 0 }}>
        {title}
      </Typography.Title>
      {sections.map((s) =>
        s.table ? (
          <div key={s.pointer} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{s.title}</Typography.Text>
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={s.table.rows}
              columns={s.table.columns.map((c) => ({ title: c.title, dataIndex: c.key, key: c.key }))}
              style={{ marginTop: 4 }}
            />
          </div>
        ) : (
          <Descriptions
            key={s.pointer || 'main'}
            title={<span style={{ fontSize: 14 }}>{s.title}</span>}
            bordered
            size="small"
            column={{ xs: 1, sm: 2, xl: 3 }}
            style={{ marginBottom: 12 }}
            styles={{ label: { width: 120, minWidth: 96 }, content: { minWidth: 110 } }}
            items={s.fields.map((f) => ({ key: f.pointer, label: f.label, children: f.value, ...(f.wide ? { span: 'filled' as const } : {}) }))}
          />
        ),
      )}
    </div>
  );
}
