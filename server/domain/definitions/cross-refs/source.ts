// What the cross-reference checks may ask about other definitions and orgs: the latest published
// body, whether only a draft exists, every published definition of a kind, an org by id.
// The runtime answers from the store (plus, while seeding, the files about to be published).
import type { Org } from '../../schema-types.gen.js';
import type { DefinitionKind } from '../../../store/port.js';
import type { Problem } from '../../result.js';

export type RefState = { state: 'published'; body: unknown; version?: number } | { state: 'draft' } | { state: 'missing' };

export interface RefSource {
  definition(kind: DefinitionKind, key: string): Promise<RefState>;
  /** the latest published body of every definition of a kind */
  published(kind: DefinitionKind): Promise<{ key: string; body: unknown }[]>;
  org(id: string): Promise<Org | null>;
}

export const KIND_NAMES: Record<DefinitionKind, string> = {
  series: '系列',
  level: '层级定义',
  workflow: '评审流程',
  template: '文书模板',
  calendar: '节假日日历',
  committees: '评委会名单',
  campaign: '评审年度',
  policy: '政策规则模块',
};

const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
export const at = (...parts: (string | number)[]): string => parts.map((p) => `/${token(String(p))}`).join('');

/**
 * A reference to another definition, resolved: its published body, or the problem to report
 * (unknown, or only a draft: "publish it first").
 */
export async function resolve(refs: RefSource, kind: DefinitionKind, key: string, pointer: string): Promise<{ body: unknown } | Problem> {
  const s = await refs.definition(kind, key);
  if (s.state === 'published') return { body: s.body };
  const what = `${KIND_NAMES[kind]}「${key}」`;
  return s.state === 'draft'
    ? { code: 'xref.unpublished', message: `${what}只有草稿，尚未发布：请先发布它，再发布本定义`, pointer }
    : { code: `xref.unknown_${kind === 'committees' ? 'committees' : kind}`, message: `${what}不存在`, pointer };
}

export const isProblem = (v: { body: unknown } | Problem): v is Problem => 'code' in v;

/** an org that must exist (and, when given, be of one of these kinds) */
export async function orgProblem(refs: RefSource, id: string, pointer: string, kinds?: readonly Org['kind'][]): Promise<Problem | undefined> {
  const org = await refs.org(id);
  if (!org) return { code: 'xref.unknown_org', message: `机构「${id}」不存在`, pointer };
  if (kinds && !kinds.includes(org.kind)) {
    return { code: 'xref.wrong_org_kind', message: `机构「${org.name}」（${id}）的类型是 ${org.kind}，此处需要 ${kinds.join('、')}`, pointer };
  }
  return undefined;
}
