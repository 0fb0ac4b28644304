// The condition builder's model: what a person picks (a fact, an operator in Chinese, a value) instead of
// typing FEEL. FEEL stays the stored and executed form (condition-compile.ts writes it, condition-parse.ts
// reads it back); this model is only ever derived from it, so nothing new is stored.
// Pure data and types: shared by the server, the rules editor, the flow designer's 条件分支 and the form
// builder's show-if (which compiles the same model to JSON Schema instead).

/** The platform dates a duration or a date comparison is counted to. */
export type DateRef = 'tenure' | 'education' | 'achievements' | 'application';

/** FEEL text of each platform date (what context.ts provides). */
export const DATE_REF_FEEL: Readonly<Record<DateRef, string>> = {
  tenure: 'campaign.cutoffs.tenure',
  education: 'campaign.cutoffs.education',
  achievements: 'campaign.cutoffs.achievements',
  application: 'applicationDate',
};

export const DATE_REF_LABELS: Readonly<Record<DateRef, string>> = {
  tenure: '资历截止日',
  education: '学历截止日',
  achievements: '业绩截止日',
  application: '申报日',
};

export const DATE_REFS: readonly DateRef[] = ['tenure', 'education', 'achievements', 'application'];

export type OperatorId =
  | 'eq'
  | 'ne'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'gte'
  | 'gt'
  | 'lte'
  | 'lt'
  | 'isTrue'
  | 'isFalse'
  | 'filled'
  | 'empty'
  | 'countAtLeast'
  | 'yearsAtLeast'
  | 'yearsLess'
  | 'monthsAtLeast'
  | 'monthsLess'
  | 'dateOnOrAfter'
  | 'dateAfter'
  | 'dateOnOrBefore'
  | 'dateBefore';

/** A value a person picks or types: an option's stored value, a number, a date 'YYYY-MM-DD'. */
export type Scalar = string | number;

export interface ConditionRule {
  readonly kind: 'rule';
  /**
   * The fact read, as a path: 'form.education.degree', 'org.sector'; a column of a repeating table is
   * 'form.papers[].representative' and is tested on its rows (see `each`).
   */
  readonly fact: string;
  readonly op: OperatorId;
  /** eq/ne/contains: one value; in/notIn: a list; gt…/count/years/months: a number; date ops: a date unless `until` is set */
  readonly value?: Scalar | readonly Scalar[];
  /** years/months: counted up to this date (required); date ops: compared with this date instead of `value` */
  readonly until?: DateRef;
  /** table columns: some row (任一项, the default) or every row (每一项) */
  readonly each?: 'some' | 'every';
  /** when the value at this path is not filled in, the rule is false (未填写视为不满足) instead of an error */
  readonly guard?: string;
}

export interface ConditionGroup {
  readonly kind: 'group';
  /** and: 全部满足; or: 任一满足 */
  readonly op: 'and' | 'or';
  readonly children: readonly ConditionNode[];
  /** negated: with or 都不满足, with and 不全满足 */
  readonly not?: boolean;
  /** as on a rule: the whole group is false when this path is not filled in */
  readonly guard?: string;
}

export type ConditionNode = ConditionRule | ConditionGroup;

/** The kinds of value a fact holds, which decide its operators and value editors. */
/** `section`: a group of fields (破格申报, 转系列…) asked only whether it is filled in */
export type FactType = 'string' | 'enum' | 'multi' | 'number' | 'date' | 'boolean' | 'table' | 'section';

export interface FactOption {
  readonly value: Scalar;
  readonly label: string;
}

/** One thing a condition may test, with its Chinese name. */
export interface FactDef {
  /** the path in the rules context, as in ConditionRule.fact */
  readonly id: string;
  /** Chinese name shown in the builder, e.g. 「现专业技术资格 › 取得时间」 */
  readonly label: string;
  /** heading the fact is listed under: 申报表, 单位, 申报人, 年度… */
  readonly group: string;
  readonly type: FactType;
  /** enum and multi: the options with their Chinese labels */
  readonly options?: readonly FactOption[];
  /** optional form data: the path whose absence makes a rule on this fact false (see ConditionRule.guard) */
  readonly guard?: string;
  /** a column of a repeating table: the table's path */
  readonly table?: string;
  /** a short hint shown under the fact */
  readonly hint?: string;
  /** numbers counted in a unit (年, 学时): 「满 N 年」 reads better than 「大于等于」 */
  readonly unit?: string;
}

/** The Chinese name of a group's combination. */
export function groupLabel(g: Pick<ConditionGroup, 'op' | 'not'>): string {
  if (g.not) return g.op === 'or' ? '都不满足' : '不全满足';
  return g.op === 'or' ? '任一满足' : '全部满足';
}

export const emptyGroup = (op: 'and' | 'or' = 'and'): ConditionGroup => ({ kind: 'group', op, children: [] });

/** true when the path is a table column ('form.papers[].x') */
export const isColumnFact = (fact: string): boolean => fact.includes('[].');

/** 'form.papers[].representative' → ['form.papers', 'representative'] */
export function splitColumn(fact: string): { table: string; column: string } | undefined {
  const i = fact.indexOf('[].');
  return i < 0 ? undefined : { table: fact.slice(0, i), column: fact.slice(i + 3) };
}
