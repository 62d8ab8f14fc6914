// Who is calling: the e-mail Google gives (Session; it needs the userinfo.email scope and a domain
// may hide it) and a random id made once per user and kept in their own User properties, which
// no other editor can read or set. Records are owned by the id, so two users whose e-mail Google
// hides are still two users; when no id can be had, nothing owned is touched.
import type { Caller } from '../core/owner';
import { userStore } from './adapters/properties-store';
import { errorText } from './error-text';

const ID_KEY = 'userId';
const ID_PATTERN = /^[A-Za-z0-9-]{16,64}$/;

/** The caller cannot be told apart from other editors: owned work is refused, in these words. */
export class UnknownCaller extends Error {
  constructor(reason: string) {
    super(
      `The add-on cannot tell who you are (${reason}), so it will not start or change pulls, pushes or scheduled refreshes, which each belong to one editor. Reload the spreadsheet and try again; if this keeps happening, ask your Google Workspace admin to let add-ons read your account.`,
    );
    this.name = 'UnknownCaller';
  }
}

function sessionEmail(): string {
  // A domain that hides addresses makes getEmail() answer ''; a throw is a missing scope, which
  // is a broken deployment and must be seen, not taken for a hidden address.
  return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '';
}

/** The caller's id if one was made before (nothing is theirs without one), asking Google nothing. */
export function savedUserId(): string | undefined {
  const id = userStore().get<string>(ID_KEY);
  return typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined;
}

/** The caller as far as reading needs (which records are theirs), making no id and asking Google nothing. */
export function readingCaller(): Caller {
  return { id: savedUserId() ?? '', email: '' };
}

/** The caller's id, made under the user lock so two first calls at once agree on one. */
function userId(): string {
  let store: ReturnType<typeof userStore>;
  try {
    store = userStore();
    const id = savedUserId();
    if (id) return id;
  } catch (error) {
    throw new UnknownCaller(`your own settings could not be read: ${errorText(error)}`);
  }
  const lock = LockService.getUserLock();
  if (!lock.tryLock(10_000)) throw new UnknownCaller('another of your executions is still setting you up');
  try {
    const id = store.get<string>(ID_KEY);
    if (typeof id === 'string' && ID_PATTERN.test(id)) return id;
    const made = Utilities.getUuid();
    store.set(ID_KEY, made);
    return made;
  } catch (error) {
    throw new UnknownCaller(`your own settings could not be saved: ${errorText(error)}`);
  } finally {
    lock.releaseLock();
  }
}

/** The user running this execution; throws UnknownCaller rather than guess. */
export function currentUser(): Caller {
  return { id: userId(), email: sessionEmail() };
}
