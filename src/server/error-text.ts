// An error's own words, for a message or the log. A service's error may come from another realm
// (no instanceof Error there), so its message is read as a field.

export function errorText(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
