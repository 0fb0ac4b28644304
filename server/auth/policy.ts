// Every route declares who may call it; a route without a policy stops start-up.
// Resource-level checks (own application, own org) happen in the handlers with the helpers in access.ts.
import type { RoleAssignment } from '../domain/schema-types.gen.js';

export type Role = RoleAssignment['role'];

/** 'public': anyone; 'user': any signed-in account; a role list: any of those roles, in any org */
export type Policy = 'public' | 'user' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
}

export function describePolicy(p: Policy): string {
  if (p === 'public') return '公开';
  if (p === 'user') return '登录用户';
  return `角色：${p.join('、')}`;
}
