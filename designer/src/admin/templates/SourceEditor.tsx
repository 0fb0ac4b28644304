// The Handlebars source with line numbers: a textarea over a gutter and a backdrop that marks the lines with
// errors, scrolled together. insert() puts text at the cursor (the field picker uses it: nobody types a path).
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';

export interface SourceEditorHandle {
  insert(text: string): void;
  goToLine(line: number): void;
}

interface Props {
  value: string;
  onChange(value: string): void;
  /** line number → message, for the lines to mark */
  marks: ReadonlyMap<number, string>;
  rows?: number;
}

const LINE = 20; // px, same as the CSS line-height below
const FONT: React.CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13, lineHeight: `${LINE}px` };

const SourceEditor = forwardRef<SourceEditorHandle, Props>(function SourceEditor({ value, onChange, marks, rows = 28 }, ref) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [scroll, setScroll] = useState(0);
  // where the cursor was when the source last had focus; before any click, the end of the text
  const cursor = useRef<{ start: number; end: number } | null>(null);
  const remember = () => {
    const el = area.current;
    if (el) cursor.current = { start: el.selectionStart, end: el.selectionEnd };
  };
  const lines = value.split('\n').length;

  useImperativeHandle(ref, () => ({
    insert(text: string) {
      const el = area.current;
      const focused = el !== null && document.activeElement === el;
      const sel = focused ? { start: el.selectionStart, end: el.selectionEnd } : (cursor.current ?? { start: value.length, end: value.length });
      const start = Math.min(sel.start, value.length);
      const end = Math.min(sel.end, value.length);
      const next = value.slice(0, start) + text + value.slice(end);
      onChange(next);
      // after React writes the new value, put the cursor after the inserted text
      requestAnimationFrame(() => {
        if (!el) return;
        el.focus();
        el.setSelectionRange(start + text.length, start + text.length);
        remember();
      });
    },
    goToLine(line: number) {
      const el = area.current;
      if (!el) return;
      const offset = value.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
      el.focus();
      el.setSelectionRange(offset, offset);
      el.scrollTop = Math.max(0, (line - 3) * LINE);
    },
  }));

  const height = rows * LINE + 12;
  return (
    <div data-testid="template-source" style={{ display: 'flex', border: '1px solid #d9d9d9', borderRadius: 6, height, overflow: 'hidden', background: '#fff' }}>
      <div aria-hidden style={{ ...FONT, width: 48, flex: 'none', background: '#fafafa', borderRight: '1px solid #f0f0f0', color: '#999', textAlign: 'right', overflow: 'hidden', position: 'relative' }}>
        <div style={{ position: 'absolute', top: 6 - scroll, right: 8, left: 0 }}>
          {Array.from({ length: lines }, (_, i) => (
            <div key={i} data-testid={marks.has(i + 1) ? 'error-line-number' : undefined} title={marks.get(i + 1)} style={marks.has(i + 1) ? { color: '#fff', background: '#ff4d4f', paddingRight: 4, borderRadius: 2 } : { paddingRight: 4 }}>
              {i + 1}
            </div>
          ))}
        </div>
      </div>
      <div style={{ position: 'relative', flex: 1 }}>
        <div aria-hidden style={{ position: 'absolute', inset: 0, overflow: 'hidden', pointerEvents: 'none' }}>
          {[...marks.keys()].map((line) => (
            <div key={line} data-testid="error-line" data-line={line} style={{ position: 'absolute', left: 0, right: 0, top: 6 + (line - 1) * LINE - scroll, height: LINE, background: 'rgba(255,77,79,0.15)', borderLeft: '3px solid #ff4d4f' }} />
          ))}
        </div>
        <textarea
          ref={area}
          aria-label="模板源文本"
          data-testid="template-source-text"
          value={value}
          spellCheck={false}
          wrap="off"
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
          onSelect={remember}
          onBlur={remember}
          style={{ ...FONT, position: 'absolute', inset: 0, width: '100%', height: '100%', border: 'none', outline: 'none', resize: 'none', padding: '6px 8px', background: 'transparent', whiteSpace: 'pre', overflow: 'auto', boxSizing: 'border-box' }}
        />
      </div>
    </div>
  );
});

export default SourceEditor;
