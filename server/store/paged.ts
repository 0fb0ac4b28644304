// Every row of a paged store query, page after page, so an export is complete however long the list; the first
// page is read at once, because a file's title states the total before its rows stream.
export async function pagedAll<T>(
  fetch: (offset: number, limit: number) => Promise<{ total: number; items: T[] }>,
  pageSize = 500,
): Promise<{ total: number; rows: AsyncGenerator<T> }> {
  const first = await fetch(0, pageSize);
  async function* rows(): AsyncGenerator<T> {
    let page = first;
    for (let offset = 0; ; ) {
      yield* page.items;
      offset += pageSize;
      if (page.items.length < pageSize || offset >= page.total) return;
      page = await fetch(offset, pageSize);
    }
  }
  return { total: first.total, rows: rows() };
}
