// Cross-references between definitions, checked when either side is published: level → series,
// workflows, templates, committee; series ↔ levels; campaign → levels, orgs; committees → orgs,
// series, and the levels that need them; workflow → owner org. Also the key a definition is
// stored under must be the key its body names, where the body names one.
import type { Campaign, CommitteeList, HolidayCalendarDoc, LevelDefinition, PolicyModule, Series, WorkflowDefinition } from '../../schema-types.gen.js';
import type { DefinitionKind } from '../../../store/port.js';
import type { Problem } from '../../result.js';
import { campaignRefs } from './campaign.js';
import { committeesRefs } from './committees.js';
import { levelRefs, policyRefs } from './level.js';
import { seriesRefs } from './series.js';
import { orgProblem, type RefSource } from './source.js';

export type { RefSource, RefState } from './source.js';
export { APPLICATION_DOCUMENTS } from './level.js';

function keyMismatch(key: string, named: string, pointer: string): Problem[] {
  return named === key ? [] : [{ code: 'definition.key_mismatch', message: `定义的标识是「${key}」，内容中写的是「${named}」：两者须一致`, pointer }];
}

export async function crossRefProblems(kind: DefinitionKind, key: string, body: unknown, refs: RefSource): Promise<Problem[]> {
  switch (kind) {
    case 'level':
      return levelRefs(key, body as LevelDefinition, refs);
    case 'series':
      return [...keyMismatch(key, (body as Series).key, '/key'), ...(await seriesRefs(key, body as Series, refs))];
    case 'campaign':
      return [...keyMismatch(key, (body as Campaign).key, '/key'), ...(await campaignRefs(body as Campaign, refs))];
    case 'committees':
      return committeesRefs(body as CommitteeList, refs);
    case 'calendar':
      return keyMismatch(key, String((body as HolidayCalendarDoc).year), '/year');
    case 'workflow': {
      const owner = (body as WorkflowDefinition).ownerOrgId;
      const p = owner === undefined ? undefined : await orgProblem(refs, owner, '/ownerOrgId');
      return p ? [p] : [];
    }
    case 'template':
      return [];
    case 'policy':
      return [...keyMismatch(key, (body as PolicyModule).key, '/key'), ...(await policyRefs(key, body as PolicyModule, refs))];
  }
}
