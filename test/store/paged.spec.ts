// An export reads a list page by page to its end: nothing is cut at a page size or an old 5,000 cap.
import { describe, expect, it } from 'vitest';
import { pagedAll } from '../../server/store/paged.js';

const list = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('pagedAll', () => {
  it('yields every row across pages and states the total before the rows', async () => {
    const all = list(1234);
    const asked: number[] = [];
    const { total, rows } = await pagedAll(async (offset, limit) => {
      asked.push(offset);
      return { total: all.length, items: all.slice(offset, offset + limit) };
    }, 500);
    expect(total).toBe(1234);
    const got: number[] = [];
    for await (const r of rows) got.push(r);
    expect(got).toEqual(all);
    expect(asked).toEqual([0, 500, 1000]);
  });

  it('an exact multiple of the page size reads no empty page; an empty list yields nothing', async () => {
    const all = list(1000);
    const asked: number[] = [];
    const { rows } = await pagedAll(async (offset, limit) => (asked.push(offset), { total: all.length, items: all.slice(offset, offset + limit) }), 500);
    let n = 0;
    for await (const _ of rows) n += 1;
    expect(n).toBe(1000);
    expect(asked).toEqual([0, 500]);
    const empty = await pagedAll(async () => ({ total: 0, items: [] as number[] }));
    expect(empty.total).toBe(0);
    for await (const _ of empty.rows) throw new Error('no rows expected');
  });
});
