/** The user running this execution; consumer accounts may hide the active user's address. */
export function currentUser(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'unknown user';
}
