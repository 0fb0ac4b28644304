// 评审会议 for the committee office (committeeClerk of the committee's office), the administrator (who approves the
// implementation plan) and 纪检监察 (read-only). A session of another office is a 404 (runtime/committees/).
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { approvePlan, returnPlan, submitPlan, uploadPlanFile } from '../../runtime/committees/session-plan.js';
import { startSession } from '../../runtime/committees/session-start.js';
import { agendaCandidates, confirmMembers, createSession, getSession, listSessions, setAgenda, setAttendance, viewOf, type SessionInput } from '../../runtime/committees/sessions.js';
import { committeeOf, sessionFor, type SessionRecord } from '../../runtime/committees/session-record.js';
import type { DomainError, Result } from '../../domain/result.js';
import { httpFail } from '../errors.js';
import { sendStoredFile, uploadedFile } from '../session-files.js';
import { requireUser } from './access.js';
import { errorResponses } from './auth-schemas.js';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const id = text(120);
const idParams = { type: 'object', required: ['id'], properties: { id } } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;
const err = { $ref: 'Error#' } as const;
const responses = { 200: anyObject, 404: err, ...errorResponses } as const;
const sessionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['committeeId', 'campaignYear', 'name', 'date', 'mode', 'quorum'],
  properties: {
    committeeId: id,
    campaignYear: { type: 'integer', minimum: 2000, maximum: 2100 },
    name: text(100),
    date: { type: 'string', format: 'date' },
    mode: { type: 'string', enum: ['onsite', 'online'] },
    place: { type: 'string', maxLength: 200 },
    quorum: { type: 'integer', minimum: 1, maximum: 99 },
  },
} as const;

const CONFLICT = new Set(['session.conflict', 'session.already_started', 'session.plan_locked', 'session.plan_not_submitted', 'session.plan_late', 'session.no_plan', 'session.quorum', 'session.attendance_missing', 'session.no_members', 'session.closed', 'committee.filing_expired']);
const statusOf = (e: DomainError): number =>
  e.code === 'session.not_found' || e.code === 'committee.not_found' ? 404 : CONFLICT.has(e.code) ? 409 : e.code.startsWith('materials.') ? 415 : 422;
function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw httpFail(r.error, statusOf(r.error));
}

const sessions: FastifyPluginAsync = async (app) => {
  const p = app.platform;
  const office = ['committeeClerk', 'admin'] as const;
  const readers = ['committeeClerk', 'admin', 'supervisor'] as const;
  await app.register(multipart, { limits: { fileSize: 20 * 1_048_576, files: 1, fields: 2 } });
  const written = async (rec: SessionRecord) => {
    const c = await committeeOf(p.store, rec.body.committeeId);
    return c ? viewOf(p, rec, c, true) : { id: rec.id, version: rec.version };
  };

  app.get<{ Querystring: { awaitingApproval?: boolean } }>('/api/sessions', {
    config: { policy: readers },
    schema: {
      tags: ['sessions'],
      summary: '评审会议列表（本办事机构的评委会；管理员、纪检监察：全部）；awaitingApproval：只列实施方案待批准的',
      querystring: { type: 'object', additionalProperties: false, properties: { awaitingApproval: { type: 'boolean' } } },
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: anyObject } } }, ...errorResponses },
    },
  }, async (request) => ({ items: await listSessions(p, requireUser(request), { awaitingApproval: request.query.awaitingApproval === true }) }));

  app.post<{ Body: SessionInput }>('/api/sessions', {
    config: { policy: office },
    schema: { tags: ['sessions'], summary: '新建评审会议（评委会、年度、名称、日期、现场/网上、地点、法定人数）', body: sessionBody, response: { ...responses, 201: anyObject } },
  }, async (request, reply) => reply.status(201).send(await written(unwrap(await createSession(p, requireUser(request), request.body)))));

  app.get<{ Params: { id: string } }>('/api/sessions/:id', {
    config: { policy: readers },
    schema: { tags: ['sessions'], summary: '一次评审会议：基本信息、实施方案、评审专家、议程', params: idParams, response: responses },
  }, async (request) => unwrap(await getSession(p, requireUser(request), request.params.id)));

  app.get<{ Params: { id: string } }>('/api/sessions/:id/agenda-candidates', {
    config: { policy: office },
    schema: {
      tags: ['sessions'],
      summary: '可列入议程的申报：本评委会评审环节中的申报（申报人、申报职称）',
      params: idParams,
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: anyObject } } }, 404: err, ...errorResponses },
    },
  }, async (request) => ({ items: unwrap(await agendaCandidates(p, requireUser(request), request.params.id)) }));

  app.put<{ Params: { id: string }; Body: { applicationIds: string[] } }>('/api/sessions/:id/agenda', {
    config: { policy: office },
    schema: {
      tags: ['sessions'],
      summary: '设定议程（所选申报）',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['applicationIds'], properties: { applicationIds: { type: 'array', maxItems: 2000, items: id } } },
      response: responses,
    },
  }, async (request) => written(unwrap(await setAgenda(p, requireUser(request), request.params.id, request.body.applicationIds))));

  app.post<{ Params: { id: string } }>('/api/sessions/:id/members/confirm', {
    config: { policy: office },
    schema: { tags: ['sessions'], summary: '确认聘任评审专家（F4 连续任职、外单位专家比例；不符合时一律不聘任并说明原因）', params: idParams, response: responses },
  }, async (request) => written(unwrap(await confirmMembers(p, requireUser(request), request.params.id))));

  app.put<{ Params: { id: string }; Body: { marks: { expertId: string; attendance: 'present' | 'absent' }[] } }>('/api/sessions/:id/attendance', {
    config: { policy: office },
    schema: {
      tags: ['sessions'],
      summary: '登记出席情况（出席 / 缺席）',
      params: idParams,
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['marks'],
        properties: { marks: { type: 'array', minItems: 1, maxItems: 200, items: { type: 'object', additionalProperties: false, required: ['expertId', 'attendance'], properties: { expertId: id, attendance: { type: 'string', enum: ['present', 'absent'] } } } } },
      },
      response: responses,
    },
  }, async (request) => written(unwrap(await setAttendance(p, requireUser(request), request.params.id, request.body.marks))));

  app.post<{ Params: { id: string; key: string } }>('/api/sessions/:id/plan/files/:key', {
    config: { policy: office },
    schema: {
      tags: ['sessions'],
      summary: '上传实施方案的一项材料（multipart，字段 file；PDF、图片、Excel 或 Word）',
      consumes: ['multipart/form-data'],
      params: { type: 'object', required: ['id', 'key'], properties: { id, key: { type: 'string', enum: ['filingForm', 'commitmentLetter', 'roster', 'reviewForms', 'proposedExperts'] } } },
      response: { ...responses, 413: err, 415: err },
    },
  }, async (request) => {
    const file = await uploadedFile(request);
    return written(unwrap(await uploadPlanFile(p, requireUser(request), request.params.id, request.params.key, file)));
  });

  app.get<{ Params: { id: string; key: string } }>('/api/sessions/:id/plan/files/:key', {
    config: { policy: readers },
    schema: { tags: ['sessions'], summary: '下载实施方案的一项材料', params: { type: 'object', required: ['id', 'key'], properties: { id, key: id } }, response: { 404: err } },
  }, async (request, reply) => {
    const s = unwrap(await sessionFor(p, requireUser(request), request.params.id, false));
    const hash = (s.rec.body.plan.files as Record<string, string | undefined>)[request.params.key];
    return sendStoredFile(p.store, reply, hash, { code: 'session.plan_file_missing', message: '该材料尚未上传' });
  });

  app.post<{ Params: { id: string } }>('/api/sessions/:id/plan/submit', {
    config: { policy: office },
    schema: { tags: ['sessions'], summary: '提交实施方案报备（五项材料齐全）', params: idParams, response: responses },
  }, async (request) => written(unwrap(await submitPlan(p, requireUser(request), request.params.id))));

  app.post<{ Params: { id: string } }>('/api/sessions/:id/plan/approve', {
    config: { policy: ['admin'] },
    schema: { tags: ['sessions'], summary: '批准实施方案（F3：须在评审会议 7 日前）', params: idParams, response: responses },
  }, async (request) => written(unwrap(await approvePlan(p, requireUser(request), request.params.id))));

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/sessions/:id/plan/return', {
    config: { policy: ['admin'] },
    schema: {
      tags: ['sessions'],
      summary: '退回实施方案（须填写原因）',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(500) } },
      response: responses,
    },
  }, async (request) => written(unwrap(await returnPlan(p, requireUser(request), request.params.id, request.body.reason))));

  app.post<{ Params: { id: string } }>('/api/sessions/:id/start', {
    config: { policy: office },
    schema: {
      tags: ['sessions'],
      summary: '开始评审：实施方案已批准、评委会备案有效、出席人数达到法定人数；议程中等待表决的申报由出席专家表决',
      params: idParams,
      response: responses,
    },
  }, async (request) => {
    const r = unwrap(await startSession(p, requireUser(request), request.params.id));
    return { session: await written(r.session), seats: r.seats };
  });
};

export default sessions;
