// Turns zod issues into sentences a spreadsheet user can act on. zod/mini ships no locale, so
// its default messages are all "Invalid input"; this is the one place that words them. A schema's
// own message for a field a sidebar's form fills is a whole sentence, capitalised and ended ("Choose
// at least one weekday for a weekly refresh."), said as it is: the person who reads it knows the
// field, not its path.
import * as z from 'zod/mini';
import { lazy } from './lazy';
import { ended } from './sentence';

type Issue = z.core.$ZodIssue;

export function describePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/**
 * A schema's own message that names its field in words, so no path goes before it: capitalised and
 * ended with a full stop (zod's own English, which a test run may have loaded, has no full stop).
 */
const wholeSentence = (message: string) => /^[A-Z].*\.$/.test(message);

export function describeIssue(issue: Issue): string {
  const where = describePath(issue.path);
  const prefix = where ? `${where}: ` : '';
  // A message set by our own schema (anything but zod/mini's placeholder) is already worded.
  if (issue.message && issue.message !== 'Invalid input')
    return wholeSentence(issue.message) ? issue.message : prefix + issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `${prefix}expected ${article(issue.expected)}`;
    case 'invalid_value':
      return `${prefix}must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `${prefix}must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `${prefix}must be at most ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `${prefix}unexpected field ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return `${prefix}does not match any accepted form`;
    default:
      return `${prefix}is not valid`;
  }
}

/**
 * A whole number in [min, max]. (z.int() would add zod's safe-integer format, 1 KiB of bundle.)
 * `sentence`: a form's field's whole-sentence message, said once for any of the three problems.
 */
export function wholeNumber(min: number, max: number, sentence?: string) {
  if (sentence)
    return z.number().check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max, sentence));
  return z
    .number()
    .check(z.refine(Number.isInteger, 'must be a whole number'), z.minimum(min), z.maximum(max));
}

/** A job, refresh or request key a sidebar sends back: what newId() and the sidebars make. */
export const ClientId = /* @__PURE__ */ lazy(() =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _')),
);

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A problem as the sidebar shows it: a sentence, capitalised and ended. */
const sentence = (problem: string) => ended(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}`);

/**
 * Thrown when input from a sidebar, a sheet row or a saved spec does not fit: its message is the
 * problems in sentences, as a person reads them in the sidebar; `what` names the input for code.
 */
export class InputError extends Error {
  constructor(
    readonly what: string,
    readonly problems: string[],
  ) {
    super(problems.map(sentence).join(' '));
    this.name = 'InputError';
  }
}

/** Parses `value` or throws an InputError that names `what` and every problem found. */
export function parseInput<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map(describeIssue);
  // Problems worded for a form's field are said as they are; the others name fields by path, not
  // words (input no form makes: a saved spec, a call by hand), and `what` says whose fields they are.
  const worded = problems.filter(wholeSentence);
  const pathed = problems.filter((p) => !wholeSentence(p));
  throw new InputError(what, [...worded, ...(pathed.length ? [`${what}: ${pathed.join('; ')}`] : [])]);
}
