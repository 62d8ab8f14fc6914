// Two columns of a sheet that fit one field (Reason and Notes both for Notes, From beside Start):
// every row is read from one of them alone, and Validate and Push say which, since the other's
// values are not sent.
import { someOf } from '../count-text';

export interface DoubledColumn {
  /** The field, as the template names it. */
  field: string;
  /** The header of the column read. */
  read: string;
  /** The headers of the columns that fit it too and are not read. */
  others: string[];
}

const named = (names: string[]) =>
  someOf(
    names.map((n) => `"${n}"`),
    names.length,
    'and',
  );

export function doubledWords({ field, read, others }: DoubledColumn): string {
  const one = others.length === 1;
  return `${named([read, ...others])} ${one ? 'both' : 'all'} fit ${field}: each row's ${field} is read from "${read}" alone, and ${named(others)} ${one ? 'is' : 'are'} not read. Rename the column not meant for ${field}, or move what it holds into "${read}".`;
}
