// Departments own their flows: an administrator may read and change every definition, a department's flow
// editor (role flowEditor at that org) only the workflows whose ownerOrgId is that org.
import type { FastifyRequest } from 'fastify';
import type { User } from '../domain/schema-types.gen.js';
import type { DefinitionKind } from '../store/port.js';
import { HttpError } from './errors.js';

export const isAdmin = (user: User): boolean => user.roles.some((r) => r.role === 'admin');

/** the orgs a user edits flows for */
export const editorOrgs = (user: User): string[] => user.roles.filter((r) => r.role === 'flowEditor').map((r) => r.orgId);

/** may this user see and change a flow owned by ownerOrgId (undefined: a flow without an owner) */
export const mayEditFlow = (user: User, ownerOrgId: string | undefined): boolean =>
  isAdmin(user) || (ownerOrgId !== undefined && editorOrgs(user).includes(ownerOrgId));

const ownerOf = (body: unknown): string | undefined => {
  const o = typeof body === 'object' && body !== null ? (body as { ownerOrgId?: unknown }).ownerOrgId : undefined;
  return typeof o === 'string' ? o : undefined;
};

/** the owner a flow has now: of its draft if it has one, else of its latest version */
export async function currentOwner(request: FastifyRequest, key: string): Promise<string | undefined> {
  const { store } = request.server.platform;
  const [draft, latest] = await Promise.all([store.getDefinition('workflow', key, 'draft'), store.getDefinition('workflow', key, 'latest')]);
  return ownerOf(latest?.body) ?? ownerOf(draft?.body);
}

/** flow editors may touch only workflows owned by an org they edit for (the stored owner and the new one) */
export async function assertMayEdit(request: FastifyRequest, user: User, kind: DefinitionKind, key: string, body?: unknown): Promise<void> {
  if (isAdmin(user)) return;
  const orgs = editorOrgs(user);
  if (kind !== 'workflow' || orgs.length === 0) throw new HttpError(403, 'auth.forbidden', '只有管理员可以修改此类定义');
  const current = (await request.server.platform.store.getDefinition(kind, key, 'latest'))?.body;
  const owners = [ownerOf(current), ownerOf(body)].filter((o): o is string => o !== undefined);
  if (owners.length === 0 || owners.some((o) => !orgs.includes(o))) {
    throw new HttpError(403, 'auth.forbidden', '只能编辑本部门的评审流程');
  }
}

/** reading a definition: administrators everything, flow editors their department's flows */
export async function assertMayRead(request: FastifyRequest, user: User, kind: DefinitionKind, key: string): Promise<void> {
  if (isAdmin(user)) return;
  if (kind !== 'workflow') throw new HttpError(403, 'auth.forbidden', '只有管理员可以查看此类定义');
  const owner = await currentOwner(request, key);
  // a flow that does not exist yet is the editor's to create (saving it checks the owner it names)
  const exists = owner !== undefined || (await request.server.platform.store.getDefinition('workflow', key, 'latest')) !== null || (await request.server.platform.store.getDefinition('workflow', key, 'draft')) !== null;
  if (exists && !mayEditFlow(user, owner)) throw new HttpError(403, 'auth.forbidden', '只能查看本部门的评审流程');
}
