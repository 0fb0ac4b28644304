// Server check results shown at the field they concern: editors ask for the problems under a pointer.
import type { ProblemDetail } from '../api.js';

/** problems whose pointer is `pointer` itself (exact) or lies under it (`deep`) */
export function problemsAt(problems: ProblemDetail[] | null | undefined, pointer: string, deep = false): ProblemDetail[] {
  if (!problems) return [];
  return problems.filter((p) => p.pointer !== undefined && (p.pointer === pointer || (deep && p.pointer.startsWith(`${pointer}/`))));
}

/** antd Form.Item props that show the server's messages at a field: `<Form.Item {...fieldStatus(problems, '/name')}>` */
export function fieldStatus(problems: ProblemDetail[] | null | undefined, pointer: string, deep = false): { validateStatus?: 'error'; help?: string } {
  const here = problemsAt(problems, pointer, deep);
  return here.length ? { validateStatus: 'error', help: here.map((p) => p.message).join('；') } : {};
}
