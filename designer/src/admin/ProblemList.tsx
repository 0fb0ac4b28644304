// Every problem a check or publish reported, each with where it is (JSON pointer or BPMN element id).
import { Alert, List, Tag, Typography } from 'antd';
import type { ProblemDetail } from '../api.js';

export default function ProblemList({
  problems,
  onSelect,
  describe,
  formatMessage,
}: {
  problems: ProblemDetail[] | null;
  onSelect?: (p: ProblemDetail) => void;
  describe?: (p: ProblemDetail) => string | undefined;
  /** the message as people read it (e.g. element names instead of ids) */
  formatMessage?: (p: ProblemDetail) => string;
}) {
  if (!problems) return null;
  if (problems.length === 0) return <Alert type="success" showIcon message="没有发现问题" />;
  return (
    <List
      size="small"
      bordered
      data-testid="problem-list"
      header={<Typography.Text strong>共 {problems.length} 个问题{onSelect ? '（点击定位）' : ''}</Typography.Text>}
      dataSource={problems}
      renderItem={(p, i) => (
        <List.Item key={i} onClick={() => onSelect?.(p)} style={{ cursor: onSelect ? 'pointer' : undefined }} data-code={p.code}>
          <div>
            {p.elementId && <Tag color="red">{describe?.(p) ?? p.elementId}</Tag>}
            {p.pointer !== undefined && <Tag color="orange">{describe?.(p) ?? (p.pointer || '（整体）')}</Tag>}
            {formatMessage ? formatMessage(p) : p.message}
          </div>
        </List.Item>
      )}
    />
  );
}
