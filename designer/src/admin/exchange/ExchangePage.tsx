// 数据交换: what was pushed to the national and region platforms, what failed, and retry.
import { Result } from 'antd';

export default function ExchangePage() {
  return <Result status="info" title="数据交换" />;
}
