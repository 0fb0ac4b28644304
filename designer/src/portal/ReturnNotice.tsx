// 一次性告知 at the top of a returned application: the deadline in local words and each item the reviewer named,
// the field's label as a link that opens its step and scrolls to it.
import type { RJSFSchema } from '@rjsf/utils';
import { Alert } from 'antd';
import { pointerTitle } from '../forms/validator.js';
import type { Application, LevelDef } from '../types/api.js';
import { correctionText, type CorrectionDue } from './correction-words.js';

type NoticeItem = NonNullable<Application['notice']>['items'][number];

/** where an item is, in words: a form field's title, a material's name, or nothing */
export function placeOf(item: { pointer?: string }, schema: RJSFSchema | undefined, level: LevelDef | undefined): string | null {
  const p = item.pointer;
  if (!p) return null;
  const [, head, id] = p.split('/');
  if (head === 'materials') return `材料：${level?.materials.find((m) => m.id === id)?.name ?? '申报材料'}`;
  if (head === 'pledge') return '诚信承诺书';
  if (schema?.properties?.[head ?? '']) return pointerTitle(schema, p);
  return null;
}

export default function ReturnNotice({ items, correction, schema, level, onOpen }: { items: NoticeItem[]; correction?: CorrectionDue; schema: RJSFSchema | undefined; level: LevelDef | undefined; onOpen: (pointer: string) => void }) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="return-notice"
      message={`一次性告知：请按以下事项补正后重新提交${correction ? `（${correctionText(correction)}，逾期视为撤回）` : ''}`}
      description={
        <ol style={{ margin: 0, paddingLeft: 18 }}>
          {items.map((it, i) => {
            const place = placeOf(it, schema, level);
            return (
              <li key={i}>
                {place && it.pointer ? (
                  <a onClick={() => onOpen(it.pointer!)} data-testid="notice-link">
                    【{place}】
                  </a>
                ) : null}
                {it.message}
              </li>
            );
          })}
        </ol>
      }
    />
  );
}
