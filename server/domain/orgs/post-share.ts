// D13: an over-post quota is a share of the senior posts a banner (league/city units) or a competent department
// (region-level units) has set, computed from its post counts (org data), not a number typed into the campaign.
import type { Campaign, Org } from '../schema-types.gen.js';

export type PostShare = NonNullable<NonNullable<Campaign['quotas']>[number]['postShare']>;

const DEFAULT_GRADES = ['正高级', '副高级'] as const;

/** the posts of the grades the share counts (senior: 正高级 + 副高级 unless configured) */
export function sharedPosts(org: Pick<Org, 'posts'>, share: PostShare): number {
  const byGrade: Readonly<Record<string, number | undefined>> = org.posts?.byGrade ?? {};
  return (share.grades ?? DEFAULT_GRADES).reduce((n, g) => n + (byGrade[g] ?? 0), 0);
}

/** how many applications the share allows: rounded down, so 5% of 30 posts is 1 */
export function postShareLimit(org: Pick<Org, 'posts'>, share: PostShare): number {
  return Math.floor((sharedPosts(org, share) * share.percent) / 100);
}

/** the words that say how the limit was computed, for messages and the dashboard */
export function postShareBasis(org: Pick<Org, 'posts'>, share: PostShare): string {
  return `已设高级岗位 ${sharedPosts(org, share)} 个的 ${share.percent}%`;
}
