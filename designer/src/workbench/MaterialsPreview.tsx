// 申报材料 inline: images as thumbnails that open full size, PDFs in a viewer inside the page (both from the
// material file route, `?inline=1`), anything else as a download link.
import { Image, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewMaterial } from '../../../server/runtime/applications/review-view.js';

export type { ReviewMaterial };

const fileUrl = (applicationId: string, hash: string, inline = false) => `/api/applications/${encodeURIComponent(applicationId)}/files/${hash}${inline ? '?inline=1' : ''}`;

export default function MaterialsPreview({ applicationId, materials }: { applicationId: string; materials: ReviewMaterial[] }) {
  const [pdf, setPdf] = useState<{ name: string; url: string } | null>(null);
  return (
    <>
      <List
        size="small"
        data-testid="materials-preview"
        locale={{ emptyText: '未上传材料' }}
        dataSource={materials}
        renderItem={(m) => (
          <List.Item>
            <Space wrap align="center">
              <Typography.Text strong style={{ minWidth: 140, display: 'inline-block' }}>
                {m.name}
              </Typography.Text>
              {m.files.map((f) =>
                f.mime.startsWith('image/') ? (
                  <Image key={f.hash} width={56} height={56} style={{ objectFit: 'cover' }} src={fileUrl(applicationId, f.hash, true)} alt={f.name} />
                ) : f.mime === 'application/pdf' ? (
                  <a key={f.hash} onClick={() => setPdf({ name: `${m.name}：${f.name}`, url: fileUrl(applicationId, f.hash, true) })}>
                    预览 {f.name}
                  </a>
                ) : (
                  <a key={f.hash} href={fileUrl(applicationId, f.hash)}>
                    下载 {f.name}
                  </a>
                ),
              )}
            </Space>
          </List.Item>
        )}
      />
      <Modal open={pdf !== null} title={pdf?.name} width={960} footer={null} onCancel={() => setPdf(null)} destroyOnHidden>
        {pdf && <iframe title={pdf.name} src={pdf.url} style={{ width: '100%', height: '75vh', border: 0 }} />}
      </Modal>
    </>
  );
}
