// The published policy modules (政策规则模块) the rules editor shows and references: loaded once per editor,
// handed to the cards through a context, described in Chinese from their FEEL.
import { createContext, useContext } from 'react';
import { describeCondition } from '../../../../server/domain/rules/condition-describe.js';
import type { FactDef } from '../../../../server/domain/rules/condition-model.js';
import { parseCondition } from '../../../../server/domain/rules/condition-parse.js';
import { api } from '../../api.js';
import { useLoad } from '../../common/useLoad.js';
import type { DefinitionDetail, DefinitionSummary } from '../../types/api.js';
import type { CondValue, UseValue } from './rules-model.js';

/** a module's paths hold plain conditions only */
export interface ModulePath {
  id: string;
  name: string;
  quotaExempt?: boolean;
  onceOnly?: boolean;
  conditions: CondValue[];
}

export interface PolicyBody {
  key: string;
  name: string;
  description?: string;
  blocks?: CondValue[];
  paths?: ModulePath[];
  conditions?: CondValue[];
}

export interface ModuleInfo {
  key: string;
  /** the latest published version */
  version: number;
  body: PolicyBody;
}

export const PolicyModulesContext = createContext<ReadonlyMap<string, ModuleInfo>>(new Map());
export const usePolicyModuleMap = (): ReadonlyMap<string, ModuleInfo> => useContext(PolicyModulesContext);

/** every published module, by key */
export function usePolicyModules() {
  return useLoad(async () => {
    const list = await api.get<{ items: DefinitionSummary[] }>('/api/definitions?kind=policy');
    const out = new Map<string, ModuleInfo>();
    for (const s of list.items) {
      if (!s.latestVersion) continue;
      const d = await api.get<DefinitionDetail<PolicyBody>>(`/api/definitions/policy/${encodeURIComponent(s.key)}`);
      if (d.latest) out.set(s.key, { key: s.key, version: d.latest.version ?? s.latestVersion, body: d.latest.body });
    }
    return out as ReadonlyMap<string, ModuleInfo>;
  }, []);
}

/** a condition in words (the builder's reading of its FEEL), or a note that only 高级 shows it */
export function describeExpr(expr: string, facts: readonly FactDef[]): string {
  const m = parseCondition(expr);
  return m.ok && m.value.children.length > 0 ? describeCondition(m.value, facts) : '（此条件只能在高级模式查看）';
}

/** which version a reference runs, in words */
export function versionText(entry: UseValue, m: ModuleInfo | undefined): string {
  if (entry.version === undefined) return m ? `发布时采用最新版（现为第 ${m.version} 版）` : '发布时采用最新版';
  const newer = m && m.version > entry.version ? `；模块已有第 ${m.version} 版，重新发布本层级后生效` : '';
  return `已固定第 ${entry.version} 版${newer}`;
}

export const moduleHref = (key: string): string => `#/designer/policy/${encodeURIComponent(key)}`;
