import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
var TOP_LEVEL_OK = Utilities.getUuid();
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Pull report', 'pullReport')
    .addSeparator()
    .addSubMenu(SpreadsheetApp.getUi().createMenu('Advanced').addItem('Reset', 'reset'))
    .addToUi();
  if (e.authMode !== ScriptApp.AuthMode.NONE) {
    PropertiesService.getDocumentProperties().setProperty('opened', 'yes');
  }
  return e.authMode;
}
function onOpenTouchingProperties(e) {
  return PropertiesService.getUserProperties().getProperty('apiKey');
}
function onOpenFetching(e) { return UrlFetchApp.fetch('https://api.assembledhq.com/v0/agents').getResponseCode(); }
function onOpenSession(e) { return Session.getActiveUser().getEmail(); }
function onOpenTriggers(e) { return ScriptApp.getProjectTriggers().length; }
function describeEvent(e) { return { authMode: e.authMode, hasSource: !!e.source, user: e.user.getEmail(), name: e.source && e.source.getName() }; }
function pullReport() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Assembled'));
  return 'pulled';
}
function reset() { return 'reset'; }
`;
const HTML = { Sidebar: '<!doctype html><p>Hello</p>' };

describe('authorization modes', () => {
  it('lets onOpen in AuthMode.NONE build menus but not read Properties, and counts the attempt', () => {
    const rt = runtimeFor(CODE, {}, HTML);
    expect(rt.runAsTrigger('onOpen', { authMode: 'NONE' }).value).toBe('NONE');
    expect(rt.ui.menus[0]?.title).toBe('Assembled for Google Sheets');
    expect(rt.properties.document.get('opened')).toBeNull();

    const denied = rt.runAsTrigger('onOpenTouchingProperties', { type: 'open', authMode: 'NONE' });
    expect(denied.error?.message).toBe(
      'You do not have permission to call PropertiesService.getUserProperties.',
    );
    expect(rt.counters.properties.denied).toBe(1);
    expect(rt.counters.properties.reads).toBe(0);
  });

  it('also refuses UrlFetchApp, Session.getActiveUser and triggers in NONE', () => {
    const rt = runtimeFor(CODE);
    for (const fn of ['onOpenFetching', 'onOpenSession', 'onOpenTriggers']) {
      expect(rt.runAsTrigger(fn, { type: 'open', authMode: 'NONE' }).error?.message).toMatch(
        /^You do not have permission/,
      );
    }
    expect(rt.counters.urlfetch.denied + rt.counters.session.denied + rt.counters.triggers.denied).toBe(3);
  });

  it('passes onOpen the event object of its auth mode', () => {
    const rt = runtimeFor(CODE);
    expect(rt.runAsTrigger('describeEvent', { type: 'open' }).value).toEqual({
      authMode: 'LIMITED',
      hasSource: true,
      user: 'analyst@example.com',
      name: 'Untitled spreadsheet',
    });
    expect(rt.runAsTrigger('describeEvent', { type: 'open', authMode: 'NONE' }).value).toMatchObject({
      authMode: 'NONE',
      hasSource: false,
    });
    expect(rt.runAsTrigger('onOpen', { authMode: 'FULL' }).error).toBeUndefined();
    expect(rt.properties.document.get('opened')).toBe('yes');
  });
});

describe('menus and panels', () => {
  it('clicks a menu item by caption, running its function, which opens a sidebar from the build folder', () => {
    const rt = runtimeFor(CODE, {}, HTML);
    rt.runAsTrigger('onOpen');
    expect(rt.ui.menus[0]?.items.map((i) => i.type)).toEqual(['item', 'separator', 'submenu']);
    const click = rt.ui.click('Pull report');
    expect(click).toMatchObject({ value: 'pulled', kind: 'menu' });
    expect(rt.ui.sidebar).toMatchObject({ title: 'Assembled', file: 'Sidebar.html', html: HTML.Sidebar });
    expect(rt.ui.click('Advanced', 'Reset').value).toBe('reset');
    expect(() => rt.ui.click('Nope')).toThrow(/No menu item Nope/);
  });

  it('keeps menus and sidebars per user', () => {
    const rt = runtimeFor(CODE, {}, HTML);
    rt.runAsTrigger('onOpen');
    expect(rt.asUser('other@example.com').ui.menus).toEqual([]);
  });
});
