// 导出 Excel: downloads a list with the session cookie and saves it under the name the server gives it
// (fetch → blob, so a refusal can be shown in Chinese instead of a browser download of an error page).
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';

/** the RFC 5987 `filename*` of a content-disposition header, else its plain `filename` */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

async function refusal(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === 'string' && body.message) return body.message;
  } catch {
    // not the JSON error shape
  }
  if (res.status === 401) return '登录已过期，请重新登录后再导出';
  if (res.status === 403 || res.status === 404) return '无权导出此名单';
  return `导出失败（${res.status}），请稍后重试`;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has taken the blob once the click is handled
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportButton({ href, label = '导出 Excel', disabled }: { href: string; label?: string; disabled?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) {
        setError(await refusal(res));
        return;
      }
      save(await res.blob(), fileNameOf(res.headers.get('content-disposition'), '导出.xlsx'));
    } catch {
      setError('无法连接服务器，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={8}>
      <Button loading={busy} disabled={disabled} onClick={() => void run()}>
        {label}
      </Button>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Space>
  );
}
