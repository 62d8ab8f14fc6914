// Stop pressed while another execution holds the spreadsheet's lock (a list's read step holds it
// up to 20 s): the press is kept here, where that step looks between pages and every execution
// carrying the job on looks before its next step, so the pull ends after the page under way. It
// keeps how the job's message is to begin: "Stopped", or a refresh card's Pause's words.
import type { Store } from '../ports';

const key = (id: string) => `stop.${id}`;

export const askStop = (store: Store, id: string, lead = 'Stopped'): void => store.set(key(id), lead);

/** The words the stopped job's message begins with, once Stop was pressed; else undefined. */
export function stopAsked(store: Store, id: string): string | undefined {
  const asked = store.get<string | boolean>(key(id));
  // `true`: kept by a version that kept no words.
  return asked === true ? 'Stopped' : typeof asked === 'string' ? asked : undefined;
}

export const forgetStop = (store: Store, id: string): void => store.delete(key(id));
