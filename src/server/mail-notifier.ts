// Failure e-mails to a refresh's owner. Sending mail is a scope of its own: it is asked for
// only when a user turns e-mails on (granular consent), never at install.
import { failureMail } from '../core/schedule/failure-mail';
import type { Notifier } from '../core/schedule/run-refreshes';
import { documentSpreadsheet } from './adapters/spreadsheet';

const MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

export const mailNotifier: Notifier & { authorize(): void } = {
  authorize() {
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [MAIL_SCOPE]);
  },
  failed(notice) {
    const ss = documentSpreadsheet();
    // A refused e-mail (quota, consent withdrawn) must not stop the run from being recorded.
    try {
      // The run is the owner's own execution: they are the one to tell.
      const to = notice.refresh.owner || Session.getEffectiveUser().getEmail();
      if (!to) throw new Error('Google gives no e-mail address for the owner');
      MailApp.sendEmail({
        to,
        ...failureMail(notice, { name: ss.getName(), url: ss.getUrl() }),
      });
    } catch (error) {
      console.warn(`Could not e-mail the owner about a failed refresh: ${String(error)}`);
    }
  },
};
