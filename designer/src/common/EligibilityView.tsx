// "May I apply, and how?": every path with its passed or failed conditions, and any blocking rule.
import { Alert, List, Space, Tag, Typography } from 'antd';
import type { EligibilityResult } from '../types/api.js';

export default function EligibilityView({ result }: { result: EligibilityResult }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="eligibility-result">
      {result.eligible ? (
        <Alert type="success" showIcon message={`可以申报：符合 ${result.paths.filter((p) => p.passed).map((p) => `“${p.name}”`).join('、')} 条件`} />
      ) : (
        <Alert type="warning" showIcon message="暂不符合申报条件" description="以下列出每种申报途径未满足的条件；修改申报信息后可再次自测。" />
      )}
      {result.blocked.length > 0 && (
        <Alert
          type="error"
          showIcon
          message="不得申报的情形"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {result.blocked.map((b, i) => (
                <li key={i}>{b.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <List
        bordered
        size="small"
        dataSource={result.paths}
        renderItem={(p) => (
          <List.Item key={p.id}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space>
                <Typography.Text strong>{p.name}</Typography.Text>
                {p.passed ? <Tag color="success">符合</Tag> : <Tag color="default">不符合</Tag>}
              </Space>
              {p.failed.map((f) => (
                <Typography.Text key={f.conditionId} type="danger">
                  · {f.message}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
