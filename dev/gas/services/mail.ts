// MailApp: messages are recorded in rt.mail, within the daily recipient quota.

import { COSTS, LIMITS } from '../costs.js';
import { SCOPES } from '../scopes.js';
import { formatJavaDate } from '../time/java-date-format.js';
import type { SentMail } from '../types.js';
import type { Env } from './env.js';

type MailOptions = Partial<Omit<SentMail, 'at' | 'from'>>;

export class MailAppFake {
  constructor(private readonly env: Env) {}

  private quotaKey(): string {
    const day = formatJavaDate(this.env.world.clock.now(), 'America/Los_Angeles', 'yyyy-MM-dd');
    return `${this.env.exec.user}|mail|${day}`;
  }

  /** sendEmail(message) or sendEmail(recipient, subject, body, options?). */
  sendEmail(a: string | MailOptions, subject?: string, body?: string, options?: MailOptions): void {
    const { world, exec } = this.env;
    exec.call('mail', COSTS.mailMs, () => {
      exec.requireAuth('mail', 'MailApp.sendEmail', 'FULL');
      exec.requireScope('mail', 'MailApp.sendEmail', SCOPES.sendMail);
      // Unticked at consent (rt.declineScopes) and not granted since: Google refuses the call.
      const [scope = ''] = SCOPES.sendMail;
      if (world.declinedScopes.get(exec.user)?.has(scope) && !world.scopesGranted(exec.user).has(scope))
        throw new Error(
          `You do not have permission to call MailApp.sendEmail. Required permissions: ${scope}`,
        );
      const message: MailOptions =
        typeof a === 'object' && a !== null ? { ...a } : { ...options, to: String(a), subject, body };
      if (!message.to) throw new Error('Invalid argument: recipient');
      const recipients = [message.to, message.cc, message.bcc]
        .filter(Boolean)
        .flatMap((list) => String(list).split(','))
        .filter((r) => r.trim() !== '').length;
      const key = this.quotaKey();
      const used = world.daily.get(key) ?? 0;
      if (used + recipients > LIMITS.mailRecipientsPerDay)
        throw new Error('Service invoked too many times for one day: email.');
      world.daily.set(key, used + recipients);
      world.counters.mail.sent++;
      world.mail.push({
        ...message,
        at: world.clock.now(),
        from: exec.user,
        to: String(message.to),
        subject: String(message.subject ?? ''),
        body: String(message.body ?? ''),
      });
    });
  }

  getRemainingDailyQuota(): number {
    return this.env.exec.call('mail', 0, () => {
      this.env.exec.requireScope('mail', 'MailApp.getRemainingDailyQuota', SCOPES.sendMail);
      return LIMITS.mailRecipientsPerDay - (this.env.world.daily.get(this.quotaKey()) ?? 0);
    });
  }
}
