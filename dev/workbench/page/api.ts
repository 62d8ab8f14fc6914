// The page's calls to the workbench server.
import type { ActionReply } from '../wire';

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A JSON answer with its text: an answer the same as the last one reads the same. */
export async function getJsonText<T>(path: string): Promise<{ value: T; text: string }> {
  const res = await fetch(path, { cache: 'no-store' });
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status}: ${text}`);
  return { value: JSON.parse(text) as T, text };
}

export async function post<T = ActionReply>(path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
