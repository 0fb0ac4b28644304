// F1 at the edge: the committee's filing as the latest committees list has it (a renewed filing counts at once),
// checked on today's date in China from the injected clock.
import { shanghaiDate } from '../../domain/calendar/due.js';
import type { Clock } from '../../domain/clock.js';
import { checkFiling } from '../../domain/committee-work/filing.js';
import { ok, type Result } from '../../domain/result.js';
import type { CommitteeList } from '../../domain/schema-types.gen.js';
import type { Store } from '../../store/port.js';

export async function filingOnDay(d: { store: Store; clock: Clock }, committeeId: string | undefined): Promise<Result<void>> {
  if (!committeeId) return ok(undefined);
  const list = await d.store.getDefinition<CommitteeList>('committees', 'committees', 'latest');
  const committee = list?.body.committees.find((c) => c.id === committeeId);
  if (!committee) return ok(undefined);
  const now = d.clock.now();
  return checkFiling(committee, shanghaiDate(now) ?? now.slice(0, 10));
}
