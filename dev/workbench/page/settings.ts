// File ▸ Settings, "Settings for this spreadsheet": its locale and time zone, saved as an editor's
// change to the spreadsheet. The dialog takes the keyboard at Locale; Cancel or Escape leaves both
// as they were; either way the keyboard goes back to the menu it was opened from.
import type { ActionReply, SettingsChoice, SettingsView } from '../wire';
import { getJson, post } from './api';
import { byId, el } from './dom';

function fill(select: HTMLSelectElement, choices: SettingsChoice[], value: string): void {
  select.replaceChildren(...choices.map((c) => el('option', { value: c.value }, c.label)));
  select.value = value;
}

/**
 * Wires the dialog; gives the way to open it. `saved` runs once a change is saved (the page shows
 * it); `opener` is where the keyboard goes when the dialog closes.
 */
export function settingsDialog(
  saved: () => Promise<void>,
  opener: () => HTMLElement | null,
): () => Promise<void> {
  const dialog = byId<HTMLDialogElement>('settingsDialog');
  const locale = byId<HTMLSelectElement>('settingsLocale');
  const zone = byId<HTMLSelectElement>('settingsZone');
  const warn = byId('settingsWarn');
  const save = byId<HTMLButtonElement>('settingsSave');

  // Save is not the form's submit: the dialog stays open with the reason when the server refuses.
  save.addEventListener('click', async (event) => {
    event.preventDefault();
    save.disabled = true;
    try {
      const reply = await post<ActionReply>('/api/settings', { locale: locale.value, timeZone: zone.value });
      if (!reply.ok) {
        warn.textContent = reply.message;
        return;
      }
      dialog.close('save');
      await saved();
    } catch (error) {
      warn.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      save.disabled = false;
    }
  });
  dialog.addEventListener('close', () => opener()?.focus());

  return async () => {
    const view = await getJson<SettingsView>('/api/settings');
    fill(locale, view.locales, view.locale);
    fill(zone, view.timeZones, view.timeZone);
    warn.textContent = '';
    dialog.returnValue = '';
    dialog.showModal();
    locale.focus();
  };
}
