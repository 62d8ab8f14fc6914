// E-mail on failure needs the send_mail scope, which a user may untick or decline when Google
// asks. Consent is asked before the refresh is saved: declined, nothing is saved that would
// promise an e-mail it cannot send.
import { describe, expect, it } from 'vitest';
import { startLocalAddon } from '../../dev/local-addon';
import type { RefreshView } from '../../src/core/schedule/refresh-view';

const MAIL = 'https://www.googleapis.com/auth/script.send_mail';

const refresh = (notifyByEmail: boolean) => ({
  spec: {
    source: { kind: 'resource', resource: 'teams' },
    target: { kind: 'sheet', name: 'Teams' },
    mode: 'replace',
  },
  frequency: { kind: 'daily', hour: 7 },
  notifyByEmail,
});

describe('a refresh that e-mails its owner, its owner declining to let the add-on send mail', () => {
  it('is not saved; saved without e-mail it is, and asks nothing', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('Teams');
    rt.declineScopes(MAIL);
    await expect(rt.callFromSidebar('saveRefresh', refresh(true), 'mail-consent-0001')).rejects.toThrow(
      /Authorization is required/,
    );
    expect(await rt.callFromSidebar<RefreshView[]>('listRefreshes')).toEqual([]);

    const saved = await rt.callFromSidebar<RefreshView[]>('saveRefresh', refresh(false), 'mail-consent-0002');
    expect(saved).toHaveLength(1);
  });

  it('another editor who grants it saves theirs with e-mail', async () => {
    const { rt } = await startLocalAddon();
    rt.workbook.addSheet('Teams');
    rt.declineScopes(MAIL);
    const sam = rt.asUser('sam@example.com');
    const saved = await sam.callFromSidebar<RefreshView[]>('saveRefresh', refresh(true), 'mail-consent-0003');
    expect(saved.map((v) => v.notifyByEmail)).toEqual([true]);
  });
});
