// 单选的选项, one per line. The text is kept as typed (blank lines while editing), the schema gets the non-empty lines.
import { Form, Input } from 'antd';
import { useEffect, useState } from 'react';

const toList = (text: string): string[] => [...new Set(text.split('\n').map((s) => s.trim()).filter(Boolean))];

export default function EnumOptions({ value, onChange }: { value: unknown[]; onChange: (options: string[]) => void }) {
  const [text, setText] = useState(() => value.map(String).join('\n'));
  // follow changes from elsewhere (the JSON editor), not our own keystrokes
  useEffect(() => {
    if (JSON.stringify(toList(text)) !== JSON.stringify(value.map(String))) setText(value.map(String).join('\n'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const nonString = value.some((v) => typeof v !== 'string');
  const list = toList(text);
  return (
    <Form.Item
      label="选项（每行一个）"
      htmlFor="zc-field-enum"
      validateStatus={list.length === 0 ? 'error' : nonString ? 'warning' : undefined}
      help={list.length === 0 ? '至少填写一个选项' : nonString ? '原选项中有非文本值，编辑后会保存为文本' : `共 ${list.length} 个选项`}
    >
      <Input.TextArea
        id="zc-field-enum"
        rows={5}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const next = toList(e.target.value);
          if (next.length) onChange(next);
        }}
      />
    </Form.Item>
  );
}
