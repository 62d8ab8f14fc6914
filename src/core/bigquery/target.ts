// A pull's BigQuery destination: a Cloud project, a dataset and a table (made if missing).
import * as z from 'zod/mini';
import { lazy } from '../lazy';

export const BigQueryTarget = lazy(() =>
  z.object({
    kind: z.literal('bigquery'),
    project: z
      .string()
      .check(
        z.trim(),
        z.regex(
          /^([a-z][a-z0-9.-]*:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
          'The Google Cloud project id is 6 to 30 lower-case letters, digits or hyphens, like my-team-123.',
        ),
      ),
    dataset: z
      .string()
      .check(
        z.trim(),
        z.regex(/^[A-Za-z0-9_]{1,1024}$/, 'Type the dataset name in letters, digits and underscores.'),
      ),
    table: z
      .string()
      .check(
        z.trim(),
        z.regex(
          /^[A-Za-z0-9_][A-Za-z0-9_-]{0,1023}$/,
          'Type the table name in letters, digits, underscores and hyphens.',
        ),
      ),
    /** Add (then refresh) a Connected Sheets view of the table after each load. */
    view: z.optional(z.boolean()),
  }),
);
export type BigQueryTarget = z.infer<typeof BigQueryTarget>;

export function bigQueryLabel(t: BigQueryTarget): string {
  return `${t.project}.${t.dataset}.${t.table}`;
}
