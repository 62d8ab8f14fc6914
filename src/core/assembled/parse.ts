// Runs a zod/mini schema over a reply and turns the first problem into an error naming the
// call (in words) and the field, e.g. "… while reading people: people[3].id expected a string".
import type * as z from 'zod/mini';
import { AssembledError, userMessage } from './errors';

type Issue = z.core.$ZodIssue;

export function parseReply<S extends z.ZodMiniType>(
  schema: S,
  json: unknown,
  endpoint: string,
  status: number,
): z.output<S> {
  const result = schema.safeParse(json, { reportInput: true });
  if (result.success) return result.data;
  const issue = deepest(result.error.issues);
  const field = issue ? formatPath(issue.path) : '';
  const problem = `${field ? `${field} ` : 'the reply '}${issue ? describe(issue) : 'has an unknown format'}`;
  throw new AssembledError({
    kind: 'unexpected_response',
    status,
    endpoint,
    message: userMessage('unexpected_response', endpoint, status, problem),
    ...(field ? { field } : {}),
  });
}

/**
 * An operation's `parse` for replies the schema describes, narrowed by `pick` to the part the
 * caller wants (e.g. a page's records).
 */
export function replyOf<S extends z.ZodMiniType, T = z.output<S>>(
  schema: S,
  pick: (reply: z.output<S>) => T = (reply) => reply as T,
): (json: unknown, endpoint: string, status: number) => T {
  return (json, endpoint, status) => pick(parseReply(schema, json, endpoint, status));
}

/** Of a union's branches, the problem found furthest into the data is the telling one. */
function deepest(issues: readonly Issue[]): Issue | undefined {
  let best: Issue | undefined;
  for (const issue of issues) {
    const candidate =
      issue.code === 'invalid_union' && issue.errors.length > 0
        ? deepest(
            issue.errors.map((branch) => deepest(branch.map((i) => prefixed(i, issue.path)))).filter(isIssue),
          )
        : issue;
    if (candidate && (!best || candidate.path.length > best.path.length)) best = candidate;
  }
  return best;
}

function isIssue(value: Issue | undefined): value is Issue {
  return value !== undefined;
}

function prefixed(issue: Issue, prefix: readonly PropertyKey[]): Issue {
  return { ...issue, path: [...prefix, ...issue.path] } as Issue;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][\w]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = `expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
      return issue.input === undefined ? `is missing (${expected})` : expected;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}
