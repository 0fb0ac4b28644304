// 评审会议 as the server shows it (server/runtime/committees/sessions.ts SessionView): words beside the ids.
export interface SessionMemberRow {
  expertId: string;
  role: 'chair' | 'member' | 'reserve';
  confirmed: boolean;
  attendance?: 'present' | 'absent';
  replacedBy?: { expertId: string; reason: string };
  name: string;
  unitName: string;
  title: string;
}

export interface SessionView {
  id: string;
  version: number;
  committeeId: string;
  committeeName: string;
  campaignYear: number;
  name: string;
  date: string;
  mode: 'onsite' | 'online';
  modeLabel: string;
  place?: string;
  status: 'planning' | 'planSubmitted' | 'planApproved' | 'inProgress' | 'closed';
  statusLabel: string;
  quorum: number;
  agenda: string[];
  planDeadline: string;
  plan: { submittedAt?: string; approvedAt?: string; returned?: { at: string; reason: string } };
  planFiles: { key: string; label: string; hash?: string; name?: string }[];
  agendaItems: { applicationId: string; applicantName: string; title: string }[];
  memberRows: SessionMemberRow[];
  startedAt?: string;
}

export const MEMBER_ROLE_LABELS: Record<SessionMemberRow['role'], string> = { chair: '主任委员', member: '评审专家', reserve: '备选专家' };
