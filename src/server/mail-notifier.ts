// E-mails to a refresh's owner: of its failures, and of another editor's Pause or Remove. Sending
// mail is a scope of its own, which a user may untick at first authorization (granular consent):
// it is asked for again when they turn e-mails on.
import { failureMail, type RefreshNotice } from '../core/schedule/failure-mail';
import type { Notifier } from '../core/schedule/run-refreshes';
import { stoppedMail } from '../core/schedule/stopped-mail';
import { documentSpreadsheet } from './adapters/spreadsheet';

const MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

/** The spreadsheet an e-mail names and links to. */
function thisSpreadsheet(): { name: string; url: string } {
  const ss = documentSpreadsheet();
  return { name: ss.getName(), url: ss.getUrl() };
}

export const mailNotifier: Notifier & { authorize(): void } = {
  authorize() {
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [MAIL_SCOPE]);
  },
  failed(notices) {
    const spreadsheet = thisSpreadsheet();
    // One e-mail per owner for the refreshes told of together: MailApp sends 100 a day for a
    // consumer account, and three alike at the same minute say less than one listing the three.
    const byOwner = new Map<string, RefreshNotice[]>();
    for (const n of notices) byOwner.set(n.refresh.owner, [...(byOwner.get(n.refresh.owner) ?? []), n]);
    for (const [owner, theirs] of byOwner) {
      // A refused e-mail (quota, consent withdrawn) must not stop the runs from being recorded.
      try {
        // The runs are the owner's own execution: they are the one to tell.
        const to = owner || Session.getEffectiveUser().getEmail();
        if (!to) throw new Error('Google gives no e-mail address for the owner');
        MailApp.sendEmail({ to, ...failureMail(theirs, spreadsheet) });
      } catch (error) {
        console.warn(`Could not e-mail the owner about a failed refresh: ${String(error)}`);
      }
    }
  },
  stopped(notice) {
    // Sent by the editor who paused or removed it, within their own quota and consent: refused
    // (send_mail declined, quota spent), the Pause or Remove stands, as its log row says it.
    try {
      MailApp.sendEmail({ to: notice.refresh.owner, ...stoppedMail(notice, thisSpreadsheet()) });
      return true;
    } catch (error) {
      console.warn(`Could not e-mail the owner that their refresh was ${notice.how}: ${String(error)}`);
      return false;
    }
  },
};
