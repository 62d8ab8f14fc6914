// limit/offset paging: follows `total` (or total_metric_count) to the end wherever a reply carries it.
import type { Operation, Transport } from './transport';

export const PAGE_SIZE = 500;

export interface Page<T> {
  items: T[];
  total?: number | undefined;
}

/**
 * Reads every page. Once the first page gives the total, the remaining offsets are known and go
 * out together in rate-limited fetchAll batches rather than one round trip each. A reply without
 * a total (a bare list) is followed while pages come back full, when `pageSize` was asked for.
 */
export function readAllPages<T>(
  transport: Transport,
  pageAt: (offset: number) => Operation<Page<T>>,
  pageSize?: number,
): T[] {
  const first = transport.send(pageAt(0));
  const items = [...first.items];
  let total = first.total;
  if (total === undefined) {
    let last = first;
    while (pageSize !== undefined && last.items.length >= pageSize) {
      last = transport.send(pageAt(items.length));
      items.push(...last.items);
    }
    return items;
  }
  // The server's page size may be below what was asked; step by what it actually returns.
  const step = first.items.length;
  while (items.length < total && step > 0) {
    const offsets: number[] = [];
    for (let offset = items.length; offset < total; offset += step) offsets.push(offset);
    const pages = transport.sendMany(offsets.map(pageAt));
    let grew = false;
    for (const outcome of pages) {
      if (!outcome.ok) throw outcome.error;
      items.push(...outcome.value.items);
      grew ||= outcome.value.items.length > 0;
      if (outcome.value.total !== undefined) total = outcome.value.total;
    }
    // Records deleted while paging: the total shrank and the last pages came back empty.
    if (!grew) break;
  }
  return items;
}
