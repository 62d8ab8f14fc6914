// What a BigQuery destination's project, dataset and table may be, in the form's words: the pull's
// schema checks them (target.ts), and the Pull form says each at its field before a pull is asked.

export type BigQueryField = 'project' | 'dataset' | 'table';

export const BIGQUERY_FIELDS: Record<
  BigQueryField,
  {
    pattern: RegExp;
    problem: string /** Said when nothing is typed: what to type is then no news. */;
    empty?: string;
  }
> = {
  project: {
    pattern: /^([a-z][a-z0-9.-]*:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
    problem:
      'The Google Cloud project id is 6 to 30 lower-case letters, digits or hyphens, like my-team-123.',
  },
  dataset: {
    pattern: /^[A-Za-z0-9_]{1,1024}$/,
    problem: 'Type the dataset name in letters, digits and underscores.',
    empty: 'Type a dataset name.',
  },
  table: {
    pattern: /^[A-Za-z0-9_][A-Za-z0-9_-]{0,1023}$/,
    problem: 'Type the table name in letters, digits, underscores and hyphens.',
    empty: 'Type a table name.',
  },
};

/** Why the value typed for `field` will not do (trimmed first, as the schema trims); undefined if it will. */
export function bigQueryFieldProblem(field: BigQueryField, value: string): string | undefined {
  const { pattern, problem, empty } = BIGQUERY_FIELDS[field];
  if (!value.trim() && empty) return empty;
  return pattern.test(value.trim()) ? undefined : problem;
}
