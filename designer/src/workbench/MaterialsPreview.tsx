// 申报材料 inline: images as thumbnails that open full size, PDFs in a viewer inside the page (both from the
// material file route, `?inline=1`), anything else as a download link.
import { Image, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewMaterial } from '../../../server/runtime/applications/review-view.js';

export type { ReviewMaterial };

const fileUrl = (applicationId: string, hash: string, inline = false) => `/api/applications/${encodeURIComponent(applicationId)}/files/${hash}${inline ? '?inline=1' : ''}`;

export default function MaterialsPreview({ applicationId, materials }: { applicationId: string; materials: ReviewMaterial[] }) {
  const [pdf, setPdf] = useState<{ name: string; url: string } | null>(null);
  return (
    <>
      {materials.length === 0 && <Typography.Text type="secondary">未上传材料</Typography.Text>}
      {/* two columns of one line each: seventeen checklist items stay within a few hundred pixels */}
      <div data-testid="materials-preview" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))', gap: '4px 16px' }}>
        {materials.map((m) => (
          <div key={m.itemId} style={{ display: 'flex', alignItems: 'center', gap: 8, minHeight: 28, borderBottom: '1px solid #f0f0f0' }}>
            <Typography.Text ellipsis={{ tooltip: m.name }} style={{ flex: '1 1 auto', minWidth: 0 }}>
              {m.name}
            </Typography.Text>
            <Space size={6} style={{ flex: '0 0 auto' }}>
              {m.files.map((f) =>
                f.mime.startsWith('image/') ? (
                  <Image key={f.hash} width={28} height={28} style={{ objectFit: 'cover' }} src={fileUrl(applicationId, f.hash, true)} alt={f.name} />
                ) : f.mime === 'application/pdf' ? (
                  <a key={f.hash} title={f.name} onClick={() => setPdf({ name: `${m.name}：${f.name}`, url: fileUrl(applicationId, f.hash, true) })}>
                    预览
                  </a>
                ) : (
                  <a key={f.hash} title={f.name} href={fileUrl(applicationId, f.hash)}>
                    下载
                  </a>
                ),
              )}
            </Space>
          </div>
        ))}
      </div>
      <Modal open={pdf !== null} title={pdf?.name} width={960} footer={null} onCancel={() => setPdf(null)} destroyOnHidden>
        {pdf && <iframe title={pdf.name} src={pdf.url} style={{ width: '100%', height: '75vh', border: 0 }} />}
      </Modal>
    </>
  );
}
