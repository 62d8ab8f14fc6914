// The saved key as a person may see it: never more than its last four characters. Kept apart from
// settings.ts, whose schemas would bring zod into the Settings page that says these words.

/** What a masked key shows before its last four characters (a short key shows none of them). */
const MASKED = 'sk_live_••••';

export function maskKey(key: string): string {
  if (!key) return '';
  const tail = key.length > 12 ? key.slice(-4) : '';
  return `${MASKED}${tail}`;
}

/**
 * Whether a key is saved, in words beside the field (which empties once a key is saved): its hint's
 * last four characters, and nothing more of the key. `typed`: a key is in the field, not yet saved
 * (a bare "No key is saved" under it read as if the key typed had been lost). Never "yet": said
 * too right after the person removed theirs.
 */
export function savedKeyWords(view: { hasKey: boolean; keyHint: string }, typed = false): string {
  if (!view.hasKey)
    return typed
      ? 'No key is saved: Save checks the key typed above with Assembled, then keeps it.'
      : 'No key is saved.';
  const tail = view.keyHint.startsWith(MASKED) ? view.keyHint.slice(MASKED.length) : '';
  const saved = `A key${tail ? ` ending ${tail}` : ''} is saved for you`;
  return typed ? `${saved}: Save checks the key typed above, then puts it in its place.` : `${saved}.`;
}
