// Reading a complete report's pages a batch at a time into the job's staging sheet. The sheet,
// not the job record, says how far reading got (each row holds its page's offset), so a run cut
// short between staging a batch and saving the job loses nothing and asks for no page again.

import type { AssembledClient } from '../assembled/client';
import type { ReportPageOf } from '../assembled/endpoints/reports';
import {
  BATCH_PAGES,
  emptyBeforeTotal,
  MAX_PAGES,
  MAX_RECORDS,
  ownRecords,
  shortPage,
  tooManyPages,
  tooManyRecords,
} from '../assembled/paging';
import type { Grid } from '../sheet/grid';
import { type StagedPage, type StagedShape, stagedExtent, stagePages } from './staging';

const itemsOf = (page: ReportPageOf): unknown[] => page.metrics ?? page.rows ?? [];

/** What a complete report's first page says of the whole: its kind, items in all and per page. */
export function firstPageShape(page: ReportPageOf): StagedShape {
  const items = itemsOf(page);
  const kind = page.metrics ? 'metrics' : 'rows';
  const total =
    kind === 'metrics' ? Math.max(items.length, Math.floor(page.total_metric_count ?? 0)) : items.length;
  return { kind, total, step: items.length };
}

/** The ceiling a report passes, if it passes one: more records than a sheet holds, or too many pages. */
export function pastCeiling(shape: StagedShape, endpoint: string): Error | undefined {
  if (shape.total > MAX_RECORDS) return tooManyRecords(endpoint, shape.total);
  if (shape.step > 0 && Math.ceil(shape.total / shape.step) > MAX_PAGES) return tooManyPages(endpoint);
  return undefined;
}

/** Stages the first page (read by the poll that found the report complete) and says what follows. */
export function stageFirstPage(stage: Grid, page: ReportPageOf, endpoint: string): StagedShape {
  const shape = firstPageShape(page);
  const past = pastCeiling(shape, endpoint);
  if (past) throw past;
  // No step to page by: taken as complete, the report's records would be lost unsaid.
  if (shape.step === 0 && shape.total > 0) throw emptyBeforeTotal(endpoint, 0, shape.total);
  if (stagedExtent(stage).pages === 0) stagePages(stage, [{ offset: 0, items: itemsOf(page) }], shape);
  return shape;
}

export const pagesOf = (shape: StagedShape) => (shape.step > 0 ? Math.ceil(shape.total / shape.step) : 1);

/**
 * Reads and stages the next batch of pages. Returns the pages staged in all; pages read before a
 * failure in the batch are kept, then the failure is thrown (the job retries from there).
 */
export function fetchNextPages(
  client: AssembledClient,
  reportId: string,
  stage: Grid,
  endpoint: string,
): { pages: number; complete: boolean } {
  const { pages, next, shape } = stagedExtent(stage);
  if (!shape) throw new Error('unreachable: the first page is staged before the rest are read');
  if (next >= shape.total || shape.step === 0) return { pages, complete: true };
  const offsets: number[] = [];
  for (let o = next; o < shape.total && offsets.length < BATCH_PAGES; o += shape.step) offsets.push(o);
  const read: StagedPage[] = [];
  let failure: unknown;
  for (const [i, outcome] of client.readReportPages(reportId, offsets).entries()) {
    const offset = offsets[i] ?? 0;
    if (!outcome.ok) {
      failure = outcome.error;
      break;
    }
    const items = ownRecords(itemsOf(outcome.value), offset, shape.step, shape.total);
    const atEnd = offset + items.length >= shape.total;
    if (items.length === 0 || (items.length < shape.step && !atEnd)) {
      failure = shortPage(endpoint, offset, items.length, shape.step);
      break;
    }
    read.push({ offset, items });
  }
  stagePages(stage, read, shape);
  if (failure) throw failure;
  const staged = pages + read.length;
  return { pages: staged, complete: (read[read.length - 1]?.offset ?? next) + shape.step >= shape.total };
}
