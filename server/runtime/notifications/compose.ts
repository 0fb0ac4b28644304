// Composes notifications: each event has one Handlebars template, a shared template definition administrators edit
// (seeds/templates/notify-*.hbs). The first non-empty line it renders is the title, the rest the body. Rendered by
// the platform's bounded document renderer; what templates see is names and local dates, never keys.
import { labelsFromSchema, pointerLabel, renderBody } from '../../domain/documents/index.js';
import { statusName } from '../../domain/applications/status-names.js';
import type { Clock } from '../../domain/clock.js';
import type { NotificationChannel, NotificationEvent, NotificationInput } from '../../domain/notifications/types.js';
import type { Application, LevelDefinition, Series, TemplateDefinition, User } from '../../domain/schema-types.gen.js';
import type { Store } from '../../store/port.js';
import type { CalendarSource } from '../calendars.js';
import { deadlineWords } from './deadline-words.js';
import { splitTitleBody } from './template-text.js';

/** what composing needs: the Platform has all of it, and so has the workflow runtime */
export interface NotifyDeps {
  store: Store;
  clock: Clock;
  calendars: CalendarSource;
}

export const TEMPLATE_OF: Readonly<Record<NotificationEvent, string>> = {
  'task.assigned': 'notify-task-assigned',
  'application.returned': 'notify-returned',
  'deadline.soon': 'notify-deadline-soon',
  'publicity.started': 'notify-publicity-started',
  'publicity.ended': 'notify-publicity-ended',
  'application.result': 'notify-result',
  'certificate.issued': 'notify-certificate',
  'task.reminded': 'notify-reminded',
  'task.copied': 'notify-copied',
  'flow.notice': 'notify-flow',
};

/** used only when an event's template is missing or broken, so nobody goes untold */
const FALLBACK_TITLE: Readonly<Record<NotificationEvent, string>> = {
  'task.assigned': '您有新的待办任务',
  'application.returned': '您的职称申报被退回补正',
  'deadline.soon': '办理期限即将届满',
  'publicity.started': '您的职称申报已进入公示',
  'publicity.ended': '您的职称申报公示期已结束',
  'application.result': '您的职称申报有了评审结果',
  'certificate.issued': '您的职称证书已发放',
  'task.reminded': '催办提醒',
  'task.copied': '抄送给您的职称申报',
  'flow.notice': '职称申报流程通知',
};

/** e-mail for every event; SMS too when a deadline is at stake */
export const channelsOf = (event: NotificationEvent): NotificationChannel[] =>
  event === 'application.returned' || event === 'deadline.soon' ? ['email', 'sms'] : ['email'];

export const notificationId = (event: NotificationEvent, applicationId: string | undefined, occasion: string, userId: string): string =>
  `${event}:${applicationId ?? '-'}:${occasion}:${userId}`;

export type TemplateData = Record<string, unknown>;

const fieldLabel = (pointer: string | undefined, labels: Record<string, string>, level: LevelDefinition | null): string => {
  if (!pointer) return '';
  const material = /^\/materials\/([^/]+)$/.exec(pointer)?.[1];
  if (material) return level?.materials.find((m) => m.id === material)?.name ?? '';
  // only a pointer whose every field has a label in the form: never a key
  const known = pointer
    .slice(1)
    .split('/')
    .reduce<{ key: string; ok: boolean }>((acc, seg) => (/^\d+$/.test(seg) ? { key: `${acc.key}/*`, ok: acc.ok } : { key: `${acc.key}/${seg}`, ok: acc.ok && labels[`${acc.key}/${seg}`] !== undefined }), { key: '', ok: true });
  return known.ok ? pointerLabel(pointer, labels) : '';
};

/**
 * What every template may use about an application: applicantName, seriesName, levelName (系列 and 职称 names),
 * statusName, resultName, items (the 一次告知: label and message), deadline ('YYYY-MM-DD' Beijing date; print it
 * with {{date deadline}}) and workingDaysLeft, certificateNumber.
 */
export async function applicationFacts(d: NotifyDeps, app: Application): Promise<TemplateData> {
  const levelRec = await d.store.getDefinition<LevelDefinition>('level', app.levelKey, app.pinned.level);
  const level = levelRec?.body ?? null;
  const series = await d.store.getDefinition<Series>('series', app.seriesKey, 'latest');
  const labels = level ? (labelsFromSchema(level.form) as Record<string, string>) : {};
  const facts: TemplateData = {
    applicantName: app.applicantName,
    seriesName: series?.body.name ?? '',
    levelName: level?.title ?? '',
    grade: level?.grade ?? '',
    statusName: statusName(app.status),
    resultName: statusName(app.status),
    items: (app.notice?.items ?? []).map((i) => ({ label: fieldLabel(i.pointer, labels, level), message: i.message })),
    certificateNumber: app.certificate?.number ?? '',
  };
  const due = app.status === 'returned' ? app.notice?.deadline : undefined;
  return due ? { ...facts, ...(await deadlineFacts(d, due)) } : facts;
}

export async function deadlineFacts(d: NotifyDeps, dueAt: string): Promise<TemplateData> {
  const words = deadlineWords(dueAt, d.clock.now(), await d.calendars.current());
  return words ? { deadline: words.deadline, workingDaysLeft: words.workingDaysLeft ?? '' } : {};
}

/** the event's title and body for one recipient; a missing or failing template falls back to a plain title */
export async function renderNotification(d: NotifyDeps, event: NotificationEvent, data: TemplateData, template?: string): Promise<{ title: string; body: string }> {
  const key = template ?? TEMPLATE_OF[event];
  const def = await d.store.getDefinition<TemplateDefinition>('template', key, 'latest');
  if (def) {
    const out = renderBody({ definition: `template/${key}@${def.version}`, name: key, source: def.body.source, data, title: def.body.name });
    if (out.ok) {
      const split = splitTitleBody(out.value);
      if (split.title) return split;
    }
  }
  return { title: FALLBACK_TITLE[event], body: '' };
}

export interface ComposeInput {
  event: NotificationEvent;
  users: readonly User[];
  application?: Application;
  /** what makes this notification unique for the application and event (a task id, a version, a timer id) */
  occasion: string;
  /** facts besides the application's, e.g. stepName, fromName, note */
  data?: TemplateData;
  link?: string;
  /** facts of the application already looked up (several events of one transition share them) */
  facts?: TemplateData;
  /** a template chosen by the flow (发送通知) instead of the event's own */
  template?: string;
}

/** one notification per recipient (disabled accounts are told nothing), not yet stored */
export async function composeNotifications(d: NotifyDeps, input: ComposeInput): Promise<NotificationInput[]> {
  const app = input.application;
  const facts = input.facts ?? (app ? await applicationFacts(d, app) : {});
  const out: NotificationInput[] = [];
  for (const user of input.users) {
    if (user.disabled) continue;
    const { title, body } = await renderNotification(d, input.event, { ...facts, ...(input.data ?? {}), recipientName: user.name }, input.template);
    out.push({
      id: notificationId(input.event, app?.id, input.occasion, user.id),
      userId: user.id,
      event: input.event,
      ...(app ? { applicationId: app.id } : {}),
      title,
      body,
      ...(input.link ? { link: input.link } : {}),
      createdAt: d.clock.now(),
      channels: channelsOf(input.event),
    });
  }
  return out;
}
