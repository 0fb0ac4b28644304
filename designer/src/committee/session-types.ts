// 评审会议 as the server shows it: words beside the ids (the server's own type, erased from the bundle).
import type { SessionView } from '../../../server/runtime/committees/sessions.js';

export type { SessionView } from '../../../server/runtime/committees/sessions.js';
export type SessionMemberRow = SessionView['memberRows'][number];

export const MEMBER_ROLE_LABELS: Record<SessionMemberRow['role'], string> = { chair: '主任委员', member: '评审专家', reserve: '备选专家' };
