// A pull's BigQuery destination: a Cloud project, a dataset and a table (made if missing).
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { BIGQUERY_FIELDS, type BigQueryField } from './target-fields';

const rule = (field: BigQueryField) =>
  z.regex(BIGQUERY_FIELDS[field].pattern, BIGQUERY_FIELDS[field].problem);

export const BigQueryTarget = /* @__PURE__ */ lazy(() =>
  z.object({
    kind: z.literal('bigquery'),
    project: z.string().check(z.trim(), rule('project')),
    dataset: z.string().check(z.trim(), rule('dataset')),
    table: z.string().check(z.trim(), rule('table')),
    /** Add (then refresh) a Connected Sheets view of the table after each load. */
    view: z.optional(z.boolean()),
  }),
);
export type BigQueryTarget = z.infer<typeof BigQueryTarget>;

export function bigQueryLabel(t: BigQueryTarget): string {
  return `${t.project}.${t.dataset}.${t.table}`;
}
