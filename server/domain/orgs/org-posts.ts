// D13 post counts of a banner or department: the grades' posts cannot exceed the total, the ratios cannot pass 100%.
import type { Problem } from '../result.js';
import type { Org } from '../schema-types.gen.js';

export type OrgPosts = NonNullable<Org['posts']>;
export const POST_GRADES = ['正高级', '副高级', '中级', '初级'] as const;

export function postsProblems(posts: OrgPosts, pointer = '/posts'): Problem[] {
  const out: Problem[] = [];
  const byGrade = posts.byGrade ?? {};
  const sum = POST_GRADES.reduce((n, g) => n + (byGrade[g] ?? 0), 0);
  if (posts.total !== undefined && sum > posts.total) {
    out.push({ code: 'org.posts_over_total', message: `各等级岗位数合计 ${sum} 超过专业技术岗位总数 ${posts.total}`, pointer: `${pointer}/total` });
  }
  const ratio = posts.ratio ?? {};
  const percent = POST_GRADES.reduce((n, g) => n + (ratio[g] ?? 0), 0);
  if (percent > 100) out.push({ code: 'org.posts_ratio_over', message: `结构比例合计 ${percent}% 超过 100%`, pointer: `${pointer}/ratio` });
  return out;
}
