// Import from the xlsx template: download it, fill it in, upload it; every wrong row is listed and nothing imported.
import { Alert, Button, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText, type ProblemDetail } from '../../api.js';

const COLUMN_LABELS: Record<string, string> = { id: '机构编号', name: '机构名称', kind: '机构类型', parent: '上级机构', code: '行政区划代码', year: '核定年度', total: '专业技术岗位总数', file: '文件' };

function columnOf(pointer = ''): string {
  const [, , , ...rest] = pointer.split('/');
  const key = rest.join('/');
  if (key.startsWith('byGrade/')) return `${key.slice(8)}岗位数`;
  if (key.startsWith('ratio/')) return `${key.slice(6)}比例（%）`;
  return COLUMN_LABELS[key] ?? key;
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export default function OrgImport({ onImported }: { onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string; rows: ProblemDetail[] } | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      const res = await api.post<{ created: number; updated: number }>('/api/admin/orgs/import', { file: await base64(file) });
      setResult({ ok: true, message: `导入完成：新建 ${res.created} 个机构，更新 ${res.updated} 个机构`, rows: [] });
      onImported();
    } catch (e) {
      setResult({ ok: false, message: errorText(e), rows: e instanceof ApiError ? e.details.filter((d) => d.pointer?.startsWith('/rows/')) : [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="org-import">
      <Space wrap>
        <Button href="/api/admin/orgs/template.xlsx">下载导入模板</Button>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
          <Button loading={busy}>从 Excel 导入…</Button>
        </Upload>
      </Space>
      {result && <Alert style={{ marginTop: 12 }} type={result.ok ? 'success' : 'error'} showIcon message={result.message} />}
      {result && result.rows.length > 0 && (
        <Table<ProblemDetail>
          style={{ marginTop: 8 }}
          size="small"
          rowKey={(p, i) => `${p.pointer}-${i}`}
          dataSource={result.rows}
          pagination={false}
          data-testid="org-import-errors"
          columns={[
            { title: '行', render: (_, p) => p.pointer?.split('/')[2] },
            { title: '列', render: (_, p) => columnOf(p.pointer) },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
