// 从政策库引用: pick a published module by its Chinese name. For the level's rules: modules with paths or
// 不得申报 情形; for one path card: one condition of a module's condition set.
import { Select } from 'antd';
import type { FactDef } from '../../../../server/domain/rules/condition-model.js';
import { describeExpr, usePolicyModuleMap } from './policy-modules.js';

/** `used`: modules the level already references, offered disabled so a second pick adds no copy */
export function PolicyPicker({ onPick, used }: { onPick: (key: string) => void; used?: ReadonlySet<string> }) {
  const modules = [...usePolicyModuleMap().values()].filter((m) => m.body.paths?.length || m.body.blocks?.length);
  return (
    <Select<string>
      showSearch
      value={null}
      style={{ width: '100%' }}
      placeholder="从政策库引用（破格路径、不得申报情形…）"
      data-testid="policy-picker"
      optionFilterProp="label"
      onChange={(k) => {
        if (!used?.has(k)) onPick(k);
      }}
      options={modules.map((m) => ({
        value: m.key,
        disabled: used?.has(m.key) ?? false,
        label: `${used?.has(m.key) ? '已引用：' : ''}${m.body.name}（${[m.body.paths?.length ? `${m.body.paths.length} 条申报路径` : '', m.body.blocks?.length ? `${m.body.blocks.length} 种不得申报情形` : ''].filter(Boolean).join('、')}）`,
      }))}
    />
  );
}

export function PolicyConditionPicker({ onPick, facts }: { onPick: (key: string, condition: string) => void; facts: readonly FactDef[] }) {
  const modules = [...usePolicyModuleMap().values()].filter((m) => m.body.conditions?.length);
  return (
    <Select<string>
      showSearch
      size="small"
      value={null}
      style={{ width: '100%' }}
      placeholder="从政策库引用条件…"
      data-testid="policy-condition-picker"
      optionFilterProp="label"
      onChange={(v) => {
        const [key = '', condition = ''] = v.split('\n');
        onPick(key, condition);
      }}
      options={modules.map((m) => ({
        label: m.body.name,
        options: (m.body.conditions ?? []).map((c) => ({ value: `${m.key}\n${c.id}`, label: `${c.message}（${describeExpr(c.expr, facts)}）` })),
      }))}
    />
  );
}
