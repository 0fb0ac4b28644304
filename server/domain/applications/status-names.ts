// An application's status as people read it (申报状态), for documents and lists: never the stored code.
import type { Application } from '../schema-types.gen.js';

export const STATUS_NAMES: Readonly<Record<Application['status'], string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回补正',
  withdrawn: '已撤回',
  rejected: '未通过',
  passed: '已通过',
  failed: '未通过',
  certified: '已发证',
  revoked: '已撤销',
};

export const statusName = (status: string): string => (STATUS_NAMES as Record<string, string>)[status] ?? '';
