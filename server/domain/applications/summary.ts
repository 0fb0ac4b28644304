// What a list shows of one application: ids, names, where its flow stands. Never the form, the materials or the
// flow state, so a page of 50 is a few kilobytes and a store can keep it beside the document (written with it,
// read instead of it). Every list the UI shows (inbox rows aside) is built from these.
import type { Application } from '../schema-types.gen.js';

export type ApplicationSummary = Pick<
  Application,
  | 'id' | 'version' | 'applicantId' | 'applicantName' | 'campaignId' | 'seriesKey' | 'levelKey' | 'status' | 'createdAt' | 'updatedAt'
  | 'submittedAt' | 'orgId' | 'committeeId' | 'pathId' | 'grade' | 'campaignYear' | 'channel' | 'pinned'
  /** where the flow waits for a person: the step, and whose inbox it is in */
  | 'openTasks'
> & {
  /** steps the flow waits at without a task (公示 timers, messages), by element id */
  waitingAt: string[];
  workflowStatus?: 'new' | 'active' | 'completed' | 'terminated';
  /** incidents (流程异常) still open, for the administrator's list */
  incidents: { id: string; elementId: string; code: string; reason: string; at: string }[];
  certificate?: { number: string; issuedAt: string; revokedAt?: string };
  notice?: { issuedAt: string; deadline?: string; items: number; resubmittedAt?: string };
};

const opt = <K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } => (v === undefined ? {} : ({ [k]: v } as { [P in K]?: V }));

/** the summary of an application: a pure function of the document, written by the store with it */
export function summarize(app: Application): ApplicationSummary {
  const wf = app.workflow ?? undefined;
  return {
    id: app.id,
    version: app.version,
    applicantId: app.applicantId,
    applicantName: app.applicantName,
    campaignId: app.campaignId,
    seriesKey: app.seriesKey,
    levelKey: app.levelKey,
    status: app.status,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    ...opt('submittedAt', app.submittedAt),
    ...opt('orgId', app.orgId),
    ...opt('committeeId', app.committeeId),
    ...opt('pathId', app.pathId),
    ...opt('grade', app.grade),
    ...opt('campaignYear', app.campaignYear),
    ...opt('channel', app.channel),
    pinned: app.pinned,
    openTasks: app.openTasks.map((t) => ({
      taskId: t.taskId,
      elementId: t.elementId,
      name: t.name,
      role: t.role,
      orgId: t.orgId,
      ...opt('assignee', t.assignee),
      createdAt: t.createdAt,
      ...opt('dueAt', t.dueAt),
    })),
    waitingAt: (wf?.tokens ?? []).filter((t) => t.wait !== 'task').map((t) => t.elementId),
    ...opt('workflowStatus', wf?.status),
    incidents: (wf?.incidents ?? []).map((i) => ({ id: i.id, elementId: i.elementId, code: i.code, reason: i.reason, at: i.at })),
    ...(app.certificate ? { certificate: { number: app.certificate.number, issuedAt: app.certificate.issuedAt, ...opt('revokedAt', app.certificate.revokedAt) } } : {}),
    ...(app.notice
      ? { notice: { issuedAt: app.notice.issuedAt, ...opt('deadline', app.notice.deadline), items: app.notice.items.length, ...opt('resubmittedAt', app.notice.resubmittedAt) } }
      : {}),
  };
}
