// 资格规则 without typing FEEL: the 不得申报 card and one card per application path, each condition a row of
// the condition builder with its Chinese message; 高级 shows and edits the same rules as FEEL and JSON.
// The check's problems appear at the card or row their pointer names. Shared rules come from the policy
// library (政策规则模块): 从政策库引用 adds a module by its Chinese name; its paths, 情形 and conditions show as
// read-only cards and rows with the version the level runs. The same editor edits a module's own blocks and
// paths (`inModule`), where references are not offered.
import { Alert, Button, Card, Dropdown, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { levelFacts } from '../../../../server/domain/rules/condition-facts.js';
import { PLATFORM_FACTS } from '../../../../server/domain/rules/platform-facts.js';
import AdvancedRules from './AdvancedRules.js';
import ConditionList from './ConditionList.js';
import ModulePathCard from './ModulePathCard.js';
import PathCard from './PathCard.js';
import { PATH_PRESETS } from './path-presets.js';
import { PolicyModulesContext, usePolicyModules } from './policy-modules.js';
import { PolicyPicker } from './PolicyPicker.js';
import { asRules, isUseValue, listOf, move, newCondition, newPath, problemsAt, replace, rowOf, withList, without, type PointerProblem, type RulesOps, type RulesValue } from './rules-model.js';
import './rules-editor.css';

export interface RulesEditorProps {
  /** the level's `rules` as stored */
  value: unknown;
  onChange: (rules: unknown) => void;
  /** the level's form and UI schema: their fields are what conditions test */
  form: unknown;
  uiSchema: unknown;
  problems: readonly PointerProblem[] | null;
  /** a problem pointer to show (from the problem list); the nonce makes the same pointer focus again */
  focus?: { pointer: string; nonce: number } | null;
  /** editing a policy module's own blocks and paths: no references to other modules */
  inModule?: boolean;
}

export default function RulesEditor({ value, onChange, form, uiSchema, problems, focus, inModule }: RulesEditorProps) {
  const [tab, setTab] = useState('cards');
  const modules = usePolicyModules();
  const box = useRef<HTMLDivElement>(null);
  const rules = asRules(value);
  const pathFacts = useMemo(() => levelFacts(form, uiSchema, { inPath: true }), [form, uiSchema]);
  // blocks are evaluated outside any path: they cannot see path.*
  const blockFacts = useMemo(() => pathFacts.filter((f) => !f.id.startsWith('path.')), [pathFacts]);
  const focusRow = focus ? rowOf(focus.pointer) : undefined;

  useEffect(() => {
    if (!focus) return;
    setTab('cards');
    const row = rowOf(focus.pointer);
    // after the tab has rendered
    const t = window.setTimeout(() => box.current?.querySelector(`[data-pointer="${row}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 50);
    return () => window.clearTimeout(t);
  }, [focus]);

  // the cards get one stable set of operations that edit the latest rules, so unchanged cards and rows
  // skip re-rendering (a level has 30+ conditions)
  const latest = useRef({ rules, onChange });
  latest.current = { rules, onChange };
  const ops = useMemo<RulesOps>(() => {
    const edit = (fn: (r: RulesValue) => RulesValue) => {
      const r = latest.current.rules;
      if (r) latest.current.onChange(fn(r));
    };
    return {
      setCond: (list, j, c) => edit((r) => withList(r, list, replace(listOf(r, list), j, c))),
      moveCond: (list, j, d) => edit((r) => withList(r, list, move(listOf(r, list), j, d))),
      removeCond: (list, j) => edit((r) => withList(r, list, without(listOf(r, list), j))),
      addCond: (list) => edit((r) => withList(r, list, [...listOf(r, list), newCondition(listOf(r, list))])),
      setPath: (i, p) => edit((r) => ({ ...r, paths: replace(r.paths, i, p) })),
      movePath: (i, d) => edit((r) => ({ ...r, paths: move(r.paths, i, d) })),
      removePath: (i) => edit((r) => ({ ...r, paths: without(r.paths, i) })),
    };
  }, []);
  const set = (next: RulesValue) => onChange(next);
  const top = problemsAt(problems, '/rules').filter((p) => !rowOf(p.pointer ?? ''));

  const cards = !rules ? (
    <Alert type="warning" showIcon title="规则结构无法在条件页显示" description="请在“高级”页的 JSON 中修正（需要 paths 数组，每个条件有 id、expr、message）。" />
  ) : (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {top.length > 0 && <Alert type="error" showIcon title={top.map((p) => p.message).join('；')} data-testid="rules-problems" />}
      <Card size="small" className="zc-path-card zc-block-card" data-testid="blocks-card" title="不得申报的情形（任一成立即不得申报，适用于所有路径）">
        <ConditionList list={rules.blocks ?? []} listRef="blocks" kind="block" facts={blockFacts} problems={problems} focusRow={focusRow} ops={ops} />
      </Card>
      <Typography.Text type="secondary">申报人满足以下任一路径的全部条件即可申报：</Typography.Text>
      {rules.paths.map((p, i) =>
        isUseValue(p) ? (
          <ModulePathCard key={i} entry={p} index={i} count={rules.paths.length} facts={pathFacts} problems={problems} focusRow={focusRow} ops={ops} />
        ) : (
          <PathCard key={i} path={p} index={i} count={rules.paths.length} facts={pathFacts} problems={problems} focusRow={focusRow} ops={ops} inModule={inModule} />
        ),
      )}
      {!inModule && (
        <Card size="small" title="从政策库引用" data-testid="policy-library-card">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            共用的破格路径、不得申报情形等定义在政策规则模块中，在此按名称引用；模块更新后，本层级重新发布时采用新版。
          </Typography.Paragraph>
          {modules.error && <Alert type="error" showIcon title={modules.error} />}
          <PolicyPicker
            used={new Set([...(rules.blocks ?? []), ...rules.paths].flatMap((e) => (isUseValue(e) ? [e.use] : [])))}
            onPick={(key) => {
              const m = modules.data?.get(key);
              if (!m) return;
              const use = { use: key };
              set({
                ...rules,
                ...(m.body.blocks?.length ? { blocks: [...(rules.blocks ?? []), use] } : {}),
                ...(m.body.paths?.length ? { paths: [...rules.paths, use] } : {}),
              });
            }}
          />
        </Card>
      )}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [...PATH_PRESETS.map((p) => ({ key: p.id, label: p.name })), { type: 'divider' as const }, { key: '', label: '自定义路径' }],
          onClick: ({ key }) => set({ ...rules, paths: [...rules.paths, newPath(rules, PATH_PRESETS.find((p) => p.id === key) ?? null)] }),
        }}
      >
        <Button type="dashed" block data-testid="add-path">
          + 添加申报路径（正常申报、破格、基层、非公、转系列、考核认定…）
        </Button>
      </Dropdown>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        可用的事实：申报表中的字段，以及平台提供的{PLATFORM_FACTS.map((f) => f.label).slice(0, 4).join('、')}等。
      </Typography.Text>
    </Space>
  );

  return (
    <PolicyModulesContext.Provider value={modules.data ?? EMPTY}>
    <div ref={box} data-testid="rules-editor">
      <Tabs
        size="small"
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'cards', label: '条件', children: cards },
          { key: 'advanced', label: '高级（FEEL / JSON）', children: <AdvancedRules rules={rules} raw={value} onChange={set} onRawChange={onChange} problems={problems} /> },
        ]}
      />
    </div>
    </PolicyModulesContext.Provider>
  );
}

const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();
