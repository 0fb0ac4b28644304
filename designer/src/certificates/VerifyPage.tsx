// 证书核验 (public, no login): by number + name, by the QR code's link (?c=, checked in the browser and then online),
// or offline (#/verify/offline) with a saved certificate file and the published public keys.
import { Space, Typography } from 'antd';
import { VERIFY_LINK_PARAM } from '../../../server/domain/certificates/verify-link.js';
import { href } from '../common/router.js';
import { KEYS_URL, LinkVerify } from './LinkVerify.js';
import { NumberVerify } from './NumberVerify.js';
import { OfflineVerify } from './OfflineVerify.js';

export default function VerifyPage({ query, offline }: { query: URLSearchParams; offline: boolean }) {
  const c = query.get(VERIFY_LINK_PARAM);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="verify-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        电子证书核验
      </Typography.Title>
      <Space separator="|">
        <a href={href('/verify')}>按编号核验</a>
        <a href={href('/verify/offline')}>离线核验</a>
        <a href={KEYS_URL} download="zc-certificate-keys.json">
          下载公钥文件
        </a>
      </Space>
      {offline ? <OfflineVerify /> : c !== null ? <LinkVerify c={c} /> : <NumberVerify />}
    </Space>
  );
}
