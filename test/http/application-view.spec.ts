// What of an application each viewer gets: experts see ID numbers masked wherever they are in the form and no
// ID documents; nobody sees another person's ballot task; offices get no flow state; only the administrator
// sees whom the flow has reached.
import { describe, expect, it } from 'vitest';
import { applicationView, maskIdNumbersIn } from '../../server/auth/application-view.js';
import { newState } from '../../server/domain/workflow/state.js';
import { makeApplication } from '../support/factories.js';

const ID = '150102198503150017'; // valid check character
const at = '2022-06-01T00:00:00.000Z';
const ballot = (assignee: string) => ({ taskId: `t-${assignee}`, elementId: 'vote', name: '表决', role: 'expert', orgId: 'c', assignee, createdAt: at });
const flowBallot = (assignee: string) => ({ id: `t-${assignee}`, tokenId: 'k1', elementId: 'vote', role: 'expert', scope: 'committee', orgId: 'c', assignee, createdAt: at, decisions: [] });
const app = makeApplication({
  form: { name: '张三', idNumber: ID, family: [{ relation: '配偶', id: '11010519491231002X' }], note: '身份证号另附', phone: '13800000000' },
  materials: [
    { itemId: 'idcard', hash: 'h1', name: 'id.pdf', size: 1, mime: 'application/pdf' },
    { itemId: 'diploma', hash: 'h2', name: 'd.pdf', size: 1, mime: 'application/pdf' },
  ],
  openTasks: [ballot('e1'), ballot('e2')],
  workflow: { ...newState(), status: 'active', openTasks: [flowBallot('e1'), flowBallot('e2')], reached: ['expert@c#e1', 'expert@c#e2'] },
});
const ID_DOCS = new Set(['idcard']);

describe('application views', () => {
  it('masks every resident ID number in a form, and only those', () => {
    expect(maskIdNumbersIn(app.form)).toEqual({ name: '张三', idNumber: '150102********0017', family: [{ relation: '配偶', id: '110105********002X' }], note: '身份证号另附', phone: '13800000000' });
    // the ID field is masked even when the number is not valid
    expect(maskIdNumbersIn({ idNumber: '150102198503150012' })).toEqual({ idNumber: '150102********0012' });
  });

  it('an expert: masked form, no ID document, only their own ballot, no flow state', () => {
    const v = applicationView(app, 'e1', 'expert', ID_DOCS);
    expect(JSON.stringify(v)).not.toContain(ID);
    expect(v.materials.map((m) => m.itemId)).toEqual(['diploma']);
    expect(v.openTasks.map((t) => t.assignee)).toEqual(['e1']);
    expect(v.workflow).toBeNull();
  });

  it('an office: the form as filed, no ballots, no flow state', () => {
    const v = applicationView(app, 'clerk', 'office', ID_DOCS);
    expect(v.form).toEqual(app.form);
    expect(v.materials).toHaveLength(2);
    expect(v.openTasks).toEqual([]);
    expect(v.workflow).toBeNull();
  });

  it('the applicant: their flow state without the ballots or whom it reached; the administrator: whom it reached, no ballots', () => {
    const own = applicationView(app, 'u-applicant', 'owner', ID_DOCS);
    expect(own.form).toEqual(app.form);
    expect(own.openTasks).toEqual([]);
    expect(own.workflow?.openTasks).toEqual([]);
    expect(own.workflow && 'reached' in own.workflow).toBe(false);
    const admin = applicationView(app, 'admin', 'admin', ID_DOCS);
    expect(admin.openTasks).toEqual([]);
    expect(admin.workflow?.reached).toEqual(['expert@c#e1', 'expert@c#e2']);
  });

  it('抄送 entries: each person sees the copies they sent or received; the applicant none; the administrator all', () => {
    const copied = { ...app, copies: [
      { id: 'c1', userId: 'clerk', by: 'unit-rev', taskName: '单位审核', at },
      { id: 'c2', userId: 'other-clerk', by: 'unit-rev', taskName: '单位审核', at },
    ] };
    expect(applicationView(copied, 'clerk', 'office', ID_DOCS).copies?.map((c) => c.id)).toEqual(['c1']);
    expect(applicationView(copied, 'unit-rev', 'office', ID_DOCS).copies?.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(applicationView(copied, 'u-applicant', 'owner', ID_DOCS).copies).toEqual([]);
    expect(applicationView(copied, 'e1', 'expert', ID_DOCS).copies).toEqual([]);
    expect(applicationView(copied, 'admin', 'admin', ID_DOCS).copies).toHaveLength(2);
  });
});
