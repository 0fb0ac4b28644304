// A JSON text area that reports parse errors as you type and hands valid values upward.
import { Input, Typography } from 'antd';
import { useEffect, useState } from 'react';

export const pretty = (v: unknown) => JSON.stringify(v ?? null, null, 2);

export default function JsonText({ value, onChange, rows = 24, testId }: { value: unknown; onChange: (v: unknown) => void; rows?: number; testId?: string }) {
  const [text, setText] = useState(() => pretty(value));
  const [error, setError] = useState<string | null>(null);
  // follow outside changes (another tab editing the same body), but not our own keystrokes
  useEffect(() => {
    try {
      if (JSON.stringify(JSON.parse(text)) === JSON.stringify(value ?? null)) return;
    } catch {
      /* the text is mid-edit; keep it */
      return;
    }
    setText(pretty(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <div>
      <Input.TextArea
        className="zc-json"
        rows={rows}
        value={text}
        spellCheck={false}
        data-testid={testId}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const v = JSON.parse(e.target.value);
            setError(null);
            onChange(v);
          } catch (err) {
            setError(`JSON 格式错误：${(err as Error).message}`);
          }
        }}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </div>
  );
}
