// 张建设 (demo-zhang) certified through the seeded engineering flow: every review step approved, the experts' vote
// passed and 发证 done. The certificate specs (print, words walk) share it.
import { expect } from 'vitest';
import { ALL_EXPERTS_APPROVE, approve, fireNext, seniorForm, submitted, vote } from '../conformance/support.js';
import type { Harness } from './harness.js';

/** the certified application's id */
export async function certifiedZhang(h: Harness): Promise<string> {
  const app = await submitted(h, 'demo-zhang', { levelKey: 'gongcheng.fugao', form: seniorForm({ name: '张建设' }) });
  const appId = app['id'] as string;
  await approve(h, 'demo-unit-design', appId, 'unitReview');
  await fireNext(h, appId);
  await approve(h, 'demo-dept-jianshe', appId, 'competentReview');
  await approve(h, 'demo-hrss-hhht', appId, 'leagueReview');
  await fireNext(h, appId);
  await approve(h, 'demo-centre', appId, 'centreReview');
  await approve(h, 'demo-office-gongcheng', appId, 'officeCheck');
  await vote(h, appId, ALL_EXPERTS_APPROVE);
  await fireNext(h, appId);
  expect((await approve(h, 'demo-centre', appId, 'filing'))['status']).toBe('certified');
  return appId;
}
