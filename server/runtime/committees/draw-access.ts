// Who may see and make a committee's draws: its office's clerks make them; 纪检监察 reads them — the region HR
// department's group every committee's, a league/city group the committees whose scope names its region.
// Everyone else is told the draw does not exist.
import type { User } from '../../domain/schema-types.gen.js';
import type { Store } from '../../store/port.js';
import type { Committee } from './committee-admin.js';

export type DrawAccess = 'office' | 'supervisor' | null;

export async function drawAccess(store: Store, user: User, committee: Committee): Promise<DrawAccess> {
  if (user.roles.some((r) => r.role === 'committeeClerk' && r.orgId === committee.officeOrgId)) return 'office';
  for (const r of user.roles) {
    if (r.role !== 'supervisor') continue;
    if (committee.scope.regions?.includes(r.orgId)) return 'supervisor';
    if ((await store.getOrg(r.orgId))?.kind === 'hrDepartment') return 'supervisor';
  }
  return null;
}
