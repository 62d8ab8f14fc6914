// Whether Assembled refused the caller's key (401) at its last answer, so that every sidebar says
// so at its top as it opens (client-factory.ts keyNotice), as Pull data does once a list of it is
// refused: Push rows opened over a key just refused said nothing until a push failed on it. Heard
// from each answer to a client built here, a key tried in Settings too (then saved anyway), and
// kept in the caller's own User properties as a print of the key, never the key: a key saved
// since is not taken for the refused one, and an answer that takes the key forgets the refusal.
import type { ResponseListener } from '../core/assembled';
import { hash } from '../core/push/request';
import { userStore } from './adapters/properties-store';

const REFUSED = 'keyRefused';
const printOf = (key: string) => hash(`refused:${key}`);

/** Whether Assembled's last answer to `key` refused it. */
export function wasRefused(key: string): boolean {
  return key !== '' && userStore().get<string>(REFUSED) === printOf(key);
}

/**
 * Listens to a client's answers with `key`: a 401 notes the refusal, a 2xx forgets it; written only
 * on change. The note is read as the client is made, not at its first answer: between a page's
 * answer and its staging a pull makes no Properties call, so a kill there cannot cost a page.
 */
export function hearKey(key: string): ResponseListener {
  let refused = wasRefused(key);
  return ({ status }) => {
    const now = status === 401 ? true : status >= 200 && status < 300 ? false : undefined;
    if (now === undefined) return;
    if (now === refused) return;
    refused = now;
    if (now) userStore().set(REFUSED, printOf(key));
    else userStore().delete(REFUSED);
  };
}
