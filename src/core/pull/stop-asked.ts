// Stop pressed while another execution holds the spreadsheet's lock (a list's read step holds it
// up to 20 s): the press is kept here, where that step looks between pages and every execution
// carrying the job on looks before its next step, so the pull ends after the page under way.
import type { Store } from '../ports';

const key = (id: string) => `stop.${id}`;

export const askStop = (store: Store, id: string): void => store.set(key(id), true);

export const stopAsked = (store: Store, id: string): boolean => store.get<boolean>(key(id)) === true;

export const forgetStop = (store: Store, id: string): void => store.delete(key(id));
