// Session: who runs the script, and the script's time zone.

import crypto from 'node:crypto';
import { SCOPES } from '../scopes.js';
import type { Env } from './env.js';

export class User {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

export class SessionFake {
  constructor(private readonly env: Env) {}

  getActiveUser(): User {
    return this.env.exec.call('session', 0, () => {
      this.env.exec.requireAuth('session', 'Session.getActiveUser');
      this.env.exec.requireScope('session', 'Session.getActiveUser', SCOPES.userEmail);
      return new User(this.email());
    });
  }

  getEffectiveUser(): User {
    return this.env.exec.call('session', 0, () => {
      this.env.exec.requireAuth('session', 'Session.getEffectiveUser');
      this.env.exec.requireScope('session', 'Session.getEffectiveUser', SCOPES.userEmail);
      return new User(this.email());
    });
  }

  /** '' where Google hides the user's address, as getEmail() answers then. */
  private email(): string {
    const { user } = this.env.exec;
    return this.env.world.hiddenEmails.has(user) ? '' : user;
  }

  getScriptTimeZone(): string {
    return this.env.exec.call('session', 0, () => this.env.world.scriptTimeZone);
  }

  getActiveUserLocale(): string {
    return this.env.exec.call('session', 0, () => 'en');
  }

  /** Stable per user and script, and not the email. */
  getTemporaryActiveUserKey(): string {
    return this.env.exec.call('session', 0, () => {
      const { user } = this.env.exec;
      return crypto
        .createHash('sha256')
        .update(`${this.env.world.scriptId}:${user}`)
        .digest('base64url')
        .slice(0, 43);
    });
  }
}
