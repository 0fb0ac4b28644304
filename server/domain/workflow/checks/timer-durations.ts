// Timers are durations (calendar ISO-8601 or working days) that the calendar module can compute.
import type { Problem } from '../../result.js';
import { checkDuration, type DurationSpec } from '../../calendar/due.js';
import { bool, ext, label, ref, str, type ModdleElement } from '../moddle.js';
import { eventDefinitions, problem, type CheckContext } from './context.js';

/** zc:Duration wins; a plain bpmn timeDuration (as bpmn-js writes it) is calendar time. */
export function readDuration(event: ModdleElement): DurationSpec | undefined {
  const z = ext(event, 'zc:Duration');
  if (z) {
    const unit = str(z, 'unit') ?? 'calendarDays';
    return {
      value: (str(z, 'value') ?? '').trim(),
      unit: unit === 'workingDays' ? 'workingDays' : unit === 'calendarDays' ? 'calendarDays' : (unit as DurationSpec['unit']),
      countStartDay: bool(z, 'countStartDay') ?? false,
    };
  }
  const def = eventDefinitions(event).find((d) => d.$type === 'bpmn:TimerEventDefinition');
  const body = def ? str(ref(def, 'timeDuration') ?? def, 'body') : undefined;
  return body === undefined ? undefined : { value: body.trim(), unit: 'calendarDays' };
}

export function checkTimerDurations(ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  for (const e of ctx.nodes) {
    const def = eventDefinitions(e).find((d) => d.$type === 'bpmn:TimerEventDefinition');
    if (!def) continue;
    if (ref(def, 'timeDate') || ref(def, 'timeCycle')) {
      out.push(problem('timer.unsupported', `定时事件 ${label(e)} 只支持时长（timeDuration / zc:Duration），不支持固定日期或循环`, e.id));
      continue;
    }
    const spec = readDuration(e);
    if (!spec) {
      out.push(problem('timer.missing_duration', `定时事件 ${label(e)} 缺少时长（zc:Duration）`, e.id));
      continue;
    }
    const r = checkDuration(spec);
    if (!r.ok) out.push(problem(r.error.code, `定时事件 ${label(e)}：${r.error.message}`, e.id));
  }
  return out;
}
