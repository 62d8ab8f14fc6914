// Failure e-mails to a refresh's owner. Sending mail is a scope of its own: it is asked for
// only when a user turns e-mails on (granular consent), never at install.
import { menuPath } from '../core/menu-names';
import type { Notifier } from '../core/schedule/run-refreshes';

const MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

export const mailNotifier: Notifier & { authorize(): void } = {
  authorize() {
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [MAIL_SCOPE]);
  },
  failed(refresh, message) {
    const sheet = SpreadsheetApp.getActive();
    // A refused e-mail (quota, consent withdrawn) must not stop the run from being recorded.
    try {
      send(refresh.owner, sheet, message);
    } catch (error) {
      console.warn(`Could not e-mail ${refresh.owner} about a failed refresh: ${String(error)}`);
    }
  },
};

function send(to: string, sheet: GoogleAppsScript.Spreadsheet.Spreadsheet, message: string): void {
  MailApp.sendEmail({
    to,
    subject: `Assembled refresh failed in "${sheet.getName()}"`,
    body: [
      `A scheduled refresh in the spreadsheet "${sheet.getName()}" did not complete.`,
      '',
      message,
      '',
      `Open the spreadsheet to see it: ${sheet.getUrl()}`,
      `${menuPath('refreshes')} lists every refresh and its last run.`,
    ].join('\n'),
  });
}
