// The verdict in one word (有效 / 受限 / 已撤销 / 未查询到 / 证书签名无效) with what it means underneath.
import { Result } from 'antd';
import { Children, type ReactNode } from 'react';

export type Verdict = '有效' | '受限' | '已撤销' | '未查询到' | '证书签名无效' | '无法识别';

const LOOK: Record<Verdict, 'success' | 'warning' | 'error' | 'info'> = {
  有效: 'success',
  受限: 'warning',
  已撤销: 'error',
  未查询到: 'info',
  证书签名无效: 'error',
  无法识别: 'error',
};

export function VerifyVerdict({ verdict, message, children }: { verdict: Verdict; message: ReactNode; children?: ReactNode }) {
  // no grey content box when there is nothing to show under the verdict
  const content = Children.toArray(children).length > 0 ? children : undefined;
  return (
    <Result data-testid="verify-verdict" data-verdict={verdict} status={LOOK[verdict]} title={verdict} subTitle={message}>
      {content}
    </Result>
  );
}
