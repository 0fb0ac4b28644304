// 分组 and 分组结果 of a 评审会议 (D6): the office splits the agenda into the committee's groups (proposed from the
// applicants' units) and reads the results counted per group; the administrator and 纪检监察 read them too. Counts
// only — no response names who voted what. Each group's result list downloads as the roster plus the vote.
import type { FastifyPluginAsync } from 'fastify';
import { ROSTER_COLUMNS } from '../../domain/rosters/roster-columns.js';
import type { DomainError, Result } from '../../domain/result.js';
import type { SessionGroup } from '../../domain/committee-work/types.js';
import { currentGroups, proposeSessionGroups, setSessionGroups } from '../../runtime/committees/session-groups.js';
import { sessionResults } from '../../runtime/committees/session-results.js';
import { sessionFor } from '../../runtime/committees/session-record.js';
import { rosterRowMaker } from '../../runtime/rosters/roster-rows.js';
import { httpFail, HttpError } from '../errors.js';
import { calendarDate, sendXlsx, type XlsxRow } from '../xlsx-reply.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const id = { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' } as const;
const idParams = { type: 'object', required: ['id'], properties: { id } } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const err = { $ref: 'Error#' } as const;
const responses = { 200: anyObject, 404: err, ...errorResponses } as const;
const KINDS = ['regular', 'grassroots', 'nonPublic', 'specialised'] as const;

const statusOf = (e: DomainError): number => (e.code === 'session.not_found' ? 404 : e.code === 'session.conflict' || e.code === 'session.closed' ? 409 : 422);
function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw httpFail(r.error, statusOf(r.error));
}

const sessionResultsPlugin: FastifyPluginAsync = async (app) => {
  const p = app.platform;
  const office = ['committeeClerk', 'admin'] as const;
  const readers = ['committeeClerk', 'admin', 'supervisor'] as const;

  /** groups with the applicants' names and titles, as the office picks them */
  const named = async (groups: SessionGroup[]) => {
    const out = [];
    for (const g of groups) {
      const items = [];
      for (const a of g.applicationIds) {
        const app = await p.store.getApplication(a);
        const level = app ? await p.levels.get(app.levelKey, app.pinned.level) : null;
        items.push({ applicationId: a, applicantName: app?.applicantName ?? '（不明申报）', title: level?.ok ? level.value.def.title : '' });
      }
      out.push({ ...g, items });
    }
    return out;
  };

  app.get<{ Params: { id: string } }>('/api/sessions/:id/groups', {
    config: { policy: readers },
    schema: { tags: ['sessions'], summary: '评审分组（D6）：已保存的分组；尚未分组时为按申报人单位提出的建议分组', params: idParams, response: responses },
  }, async (request) => {
    const s = unwrap(await sessionFor(p, requireUser(request), request.params.id, false));
    return { saved: s.rec.body.groups.length > 0, groups: await named(await currentGroups(p, s.rec.body, s.committee)) };
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id/groups/proposal', {
    config: { policy: office },
    schema: { tags: ['sessions'], summary: '按申报人单位（旗县、苏木乡镇为基层，非公有制单位为非公）重新提出分组建议（不保存）', params: idParams, response: responses },
  }, async (request) => ({ saved: false, groups: await named(unwrap(await proposeSessionGroups(p, requireUser(request), request.params.id))) }));

  app.put<{ Params: { id: string }; Body: { groups: { kind: SessionGroup['kind']; applicationIds: string[] }[] } }>('/api/sessions/:id/groups', {
    config: { policy: office },
    schema: {
      tags: ['sessions'],
      summary: '保存分组：议程中的每份申报恰在一个分组中',
      params: idParams,
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['groups'],
        properties: {
          groups: {
            type: 'array',
            minItems: 1,
            maxItems: 10,
            items: { type: 'object', additionalProperties: false, required: ['kind', 'applicationIds'], properties: { kind: { type: 'string', enum: KINDS }, applicationIds: { type: 'array', maxItems: 2000, items: id } } },
          },
        },
      },
      response: responses,
    },
  }, async (request) => {
    const rec = unwrap(await setSessionGroups(p, requireUser(request), request.params.id, request.body.groups));
    return { saved: true, groups: await named(rec.body.groups) };
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id/results', {
    config: { policy: readers },
    schema: { tags: ['sessions'], summary: '分组评审结果：每组的候选人（同意票数/出席人数、通过或未通过）、通过率及是否超过本组上限；只有票数，不含谁投了什么', params: idParams, response: responses },
  }, async (request) => {
    unwrap(await sessionFor(p, requireUser(request), request.params.id, false));
    return unwrap(await sessionResults(p, request.params.id));
  });

  app.get<{ Params: { id: string; groupId: string } }>('/api/sessions/:id/results/:groupId/xlsx', {
    config: { policy: readers },
    schema: { tags: ['sessions'], summary: '下载一个分组的结果名单（花名册各列 + 同意票数、出席人数、评审结果），导出记入审计', params: { type: 'object', required: ['id', 'groupId'], properties: { id, groupId: id } }, response: { 404: err } },
  }, async (request, reply) => {
    const user = requireUser(request);
    unwrap(await sessionFor(p, user, request.params.id, false));
    const results = unwrap(await sessionResults(p, request.params.id));
    const group = results.groups.find((g) => g.id === request.params.groupId);
    if (!group) throw new HttpError(404, 'session.group_not_found', '该分组不存在');
    const make = rosterRowMaker(p);
    const rows: XlsxRow[] = [];
    for (const [i, c] of group.candidates.entries()) {
      const app = await p.store.getApplication(c.applicationId);
      if (!app) continue;
      const r = await make(app, i + 1);
      const row: XlsxRow = { ...r, approvals: c.approvals, attending: c.attending, outcome: c.outcomeLabel };
      for (const col of ROSTER_COLUMNS) {
        const v = r[col.key];
        if (col.date && typeof v === 'string') row[col.key] = calendarDate(v) ?? (v || undefined);
      }
      rows.push(row);
    }
    // personal data leaves the system: who exported which group's list
    await p.store.appendAudit([{ at: p.clock.now(), actor: user.id, action: 'session.results.export', target: { type: 'reviewSession', id: request.params.id }, after: { group: group.kind, rows: rows.length } }]);
    const title = `${results.sessionName} ${group.name}评审结果名单`;
    return sendXlsx(reply, {
      fileName: title,
      sheets: [
        {
          name: group.name,
          title,
          columns: [
            ...ROSTER_COLUMNS.filter((c) => c.key !== 'status').map((c) => ({ header: c.header, key: c.key, ...(c.width ? { width: c.width } : {}), ...(c.date === 'month' ? { dateFormat: 'yyyy-mm' } : {}) })),
            { header: '同意票数', key: 'approvals', width: 10 },
            { header: '出席人数', key: 'attending', width: 10 },
            { header: '评审结果', key: 'outcome', width: 10 },
          ],
          rows,
        },
      ],
    });
  });
};

export default sessionResultsPlugin;
