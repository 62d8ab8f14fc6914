// A pull's BigQuery destination: a Cloud project, a dataset and a table (made if missing).
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { type BigQueryField, bigQueryFieldProblem } from './target-fields';

/** The form's words at the field (bigQueryFieldProblem), said again here for a pull sent without them. */
const rule = (field: BigQueryField) =>
  z.refine<string>((value) => bigQueryFieldProblem(field, value) === undefined, {
    error: (issue) => bigQueryFieldProblem(field, String(issue.input)),
  });

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
