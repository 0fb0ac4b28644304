// 从 Excel 导入专家: the file is read in the browser and sent whole; a refused file lists each row's error.
import { Alert, Button, Upload, App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { api, ApiError, errorText } from '../api.js';

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
};

/** the button for the card's header, and the errors to show under it (`errors` is rendered by the page) */
export function useExpertImport(committeeId: string, onImported: () => Promise<void>): { button: ReactNode; errors: ReactNode } {
  const { message } = AntApp.useApp();
  const [errors, setErrors] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setBusy(true);
    setErrors(null);
    try {
      const res = await api.post<{ created: number; updated: number }>(`/api/committees/${encodeURIComponent(committeeId)}/experts/import`, { file: await toBase64(file) });
      message.success(`已导入：新增 ${res.created} 人，更新 ${res.updated} 人`);
      await onImported();
    } catch (e) {
      setErrors(e instanceof ApiError && e.details.length > 0 ? [e.message, ...e.details.map((d) => d.message)] : [errorText(e)]);
    } finally {
      setBusy(false);
    }
  };
  return {
    button: (
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void send(f), false)}>
        <Button loading={busy} data-testid="expert-import">从 Excel 导入</Button>
      </Upload>
    ),
    errors: errors && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setErrors(null)}
          style={{ marginBottom: 12 }}
          message={errors[0]}
          description={errors.length > 1 ? <ul style={{ margin: 0 }}>{errors.slice(1).map((m, i) => <li key={i}>{m}</li>)}</ul> : undefined}
        />
    ),
  };
}
