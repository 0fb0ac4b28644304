// 新建: a definition is named in Chinese; its key is derived from the name (editable, checked) and never has to be
// invented. Kinds with a form-based editor get a first draft holding the name; the others open their editor.
import { Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api.js';
import { KIND_LABELS } from '../../common/labels.js';
import { navigate } from '../../common/router.js';
import type { DefinitionSummary } from '../../types/api.js';
import { freshCampaign } from '../campaign/campaign-model.js';
import { freshCalendar } from '../calendar/CalendarEditor.js';
import { freshSeries, gradeOptions, levelDefinitionKey, type Grade } from '../series/series-model.js';
import { useDefinitionList } from '../series/useDefinitionList.js';
import { keyFromName, uniqueKey } from './derive-key.js';
import { freshLevel, levelKeyForGrade } from './level-copy.js';

const DEFINITION_KEY = /^[A-Za-z0-9_.-]+$/;
const PLAIN_KEY = /^[a-z][a-z0-9-]*$/;

interface Fields {
  name: string;
  year: number;
  series?: string;
  grade: Grade;
}

/** the key a kind's name suggests */
function suggest(kind: string, f: Fields, taken: string[]): string {
  if (kind === 'calendar') return String(f.year);
  if (kind === 'campaign') return uniqueKey(String(f.year), taken);
  if (kind === 'level') return f.series ? uniqueKey(levelDefinitionKey(f.series, levelKeyForGrade(f.grade)), taken) : '';
  return uniqueKey(keyFromName(kind === 'series' ? f.name.replace(/系列$/, '') : f.name, ''), taken);
}

function keyError(kind: string, key: string, taken: string[]): string | null {
  if (!key) return '请填写标识（可由名称自动生成）';
  if (taken.includes(key)) return `标识「${key}」已被使用，请换一个`;
  if (kind === 'calendar') return /^\d{4}$/.test(key) ? null : '日历的标识是四位年份';
  if (kind === 'level') return /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(key) ? null : '层级定义的标识形如「系列标识.层级标识」，只能用小写字母、数字和横线';
  if (kind === 'series') return PLAIN_KEY.test(key) ? null : '系列标识只能由小写字母、数字和横线组成，并以字母开头';
  return DEFINITION_KEY.test(key) ? null : '标识只能包含字母、数字、点、下划线和横线';
}

/** the first draft of a kind with a form-based editor; undefined: that editor starts its own */
function firstDraft(kind: string, key: string, f: Fields): unknown {
  switch (kind) {
    case 'series':
      return freshSeries(key, f.name.trim());
    case 'campaign':
      return { ...freshCampaign(key, f.name.trim()), year: f.year };
    case 'calendar':
      return freshCalendar(key);
    case 'level': {
      const [seriesKey = '', levelKey = ''] = key.split('.');
      return freshLevel(seriesKey, levelKey, f.name.trim(), f.grade);
    }
    case 'template':
      return { name: f.name.trim(), source: `<h1>${f.name.trim()}</h1>\n` };
    default:
      return undefined;
  }
}

export default function NewDefinitionModal({ kind, open, onClose, existing }: { kind: string; open: boolean; onClose: () => void; existing: DefinitionSummary[] }) {
  const [fields, setFields] = useState<Fields>({ name: '', year: new Date().getFullYear() + 1, grade: '副高级' });
  const [key, setKey] = useState(() => suggest(kind, fields, existing.map((d) => d.key)));
  const [keyTouched, setKeyTouched] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const series = useDefinitionList('series');
  const taken = existing.map((d) => d.key);
  const named = kind !== 'calendar';
  const update = (p: Partial<Fields>) => {
    const next = { ...fields, ...p };
    setFields(next);
    if (!keyTouched) setKey(suggest(kind, next, taken));
  };
  const kErr = keyError(kind, key, taken);
  const nameErr = named && !fields.name.trim() ? '请填写名称' : kind === 'level' && !fields.series ? '请选择系列' : null;

  const ok = async () => {
    setTried(true);
    if (kErr || nameErr) return;
    const body = firstDraft(kind, key, fields);
    setBusy(true);
    setError(null);
    try {
      if (body !== undefined) await api.put(`/api/definitions/${encodeURIComponent(kind)}/${encodeURIComponent(key)}/draft`, { body });
      navigate(`/designer/${kind}/${encodeURIComponent(key)}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={`新建${KIND_LABELS[kind] ?? kind}`} open={open} onCancel={onClose} onOk={() => void ok()} okText="创建并编辑" confirmLoading={busy} destroyOnHidden>
      <Form layout="vertical" data-testid="new-definition">
        {kind === 'level' && (
          <>
            <Form.Item label="所属系列" required {...(tried && !fields.series ? { validateStatus: 'error' as const, help: '请选择系列' } : {})}>
              <Select showSearch optionFilterProp="label" placeholder="选择系列" value={fields.series} options={series.items.map((s) => ({ value: s.key, label: s.name ?? s.key }))} onChange={(s: string) => update({ series: s })} />
            </Form.Item>
            <Form.Item label="级别">
              <Select value={fields.grade} options={gradeOptions} onChange={(g: Grade) => update({ grade: g })} />
            </Form.Item>
          </>
        )}
        {(kind === 'campaign' || kind === 'calendar') && (
          <Form.Item label="年度" required>
            <InputNumber min={2000} max={2100} precision={0} value={fields.year} onChange={(y) => y && update({ year: y })} data-testid="new-year" />
          </Form.Item>
        )}
        {named && (
          <Form.Item label={kind === 'level' ? '职称名称' : '名称'} required {...(tried && !fields.name.trim() ? { validateStatus: 'error' as const, help: '请填写名称' } : {})}>
            <Input data-testid="new-name" placeholder={kind === 'level' ? '如 副研究馆员' : kind === 'series' ? '如 档案系列' : ''} value={fields.name} onChange={(e) => update({ name: e.target.value })} />
          </Form.Item>
        )}
        <Form.Item label="标识（由名称生成，可修改）" {...(tried && kErr ? { validateStatus: 'error' as const, help: kErr } : {})}>
          <Input
            data-testid="new-key"
            spellCheck={false}
            value={key}
            onChange={(e) => {
              setKey(e.target.value.trim());
              setKeyTouched(true);
            }}
          />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}
