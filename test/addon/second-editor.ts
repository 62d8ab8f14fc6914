// Another editor of a spreadsheet the local add-on runs in, as the tests of shared sheets need one.
import type { LocalRuntime } from '../../dev/gas';
import type { LocalAddon } from '../../dev/local-addon';

/** Another editor of the spreadsheet, with their own Assembled key saved. */
export async function editor(addon: LocalAddon, email: string): Promise<LocalRuntime> {
  const rt = addon.rt.asUser(email);
  await rt.callFromSidebar('saveSettings', {
    apiKey: addon.key,
    timeFormat: addon.backend.timeFormat,
    apiVersion: '',
  });
  return rt;
}
