// The field's key (its name in the saved data): edited as text, checked as you type, applied on Enter or leaving the box.
import { Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { validateKey } from './schema-tree.js';

export default function KeyInput({ value, siblings, topLevel, onCommit }: { value: string; siblings: string[]; topLevel: boolean; onCommit: (key: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const error = validateKey(text.trim(), siblings, value, topLevel);
  const commit = () => {
    const key = text.trim();
    if (!error && key !== value) onCommit(key);
  };
  return (
    <Form.Item
      label="字段标识"
      htmlFor="zc-field-key"
      required
      validateStatus={error ? 'error' : undefined}
      help={error ?? (text.trim() !== value ? '按回车或离开输入框后生效' : '由标题的拼音自动生成，可修改；保存数据时使用。改名后请同步修改资格规则、模板中的引用')}
    >
      <Input id="zc-field-key" data-testid="field-key" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onPressEnter={commit} autoComplete="off" spellCheck={false} />
    </Form.Item>
  );
}
