// SpreadsheetApp.getUi(): menus built by onOpen, sidebars and dialogs, alerts and prompts.

import { SCOPES } from '../../scopes.js';
import type { MenuEntry, PanelSnapshot } from '../../types.js';
import type { Env } from '../env.js';
import { HtmlOutput } from '../html.js';

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
type ButtonName = keyof typeof Button;

const FIRST_BUTTON: Record<string, ButtonName> = {
  OK: 'OK',
  OK_CANCEL: 'OK',
  YES_NO: 'YES',
  YES_NO_CANCEL: 'YES',
};

export class Menu {
  readonly items: MenuEntry[] = [];

  constructor(
    private readonly env: Env,
    readonly title: string,
    readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    return this.env.exec.call('ui', 0, () => {
      this.items.push({ type: 'item', caption: String(caption), functionName: String(functionName) });
      return this;
    });
  }

  addSeparator(): Menu {
    return this.env.exec.call('ui', 0, () => {
      this.items.push({ type: 'separator' });
      return this;
    });
  }

  addSubMenu(menu: Menu): Menu {
    return this.env.exec.call('ui', 0, () => {
      if (!(menu instanceof Menu)) throw new Error('Invalid argument: menu');
      this.items.push({ type: 'submenu', caption: menu.title, items: menu.items });
      return this;
    });
  }

  /** Replaces a menu of the same title, as re-running onOpen does. */
  addToUi(): void {
    this.env.exec.call('ui', 0, () => {
      const { menus } = this.env.world.user(this.env.exec.user).ui;
      const snapshot = { title: this.title, addon: this.addon, items: structuredClone(this.items) };
      const at = menus.findIndex((m) => m.title === this.title);
      if (at === -1) menus.push(snapshot);
      else menus[at] = snapshot;
    });
  }
}

class PromptResponse {
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}

  getSelectedButton(): string {
    return this.button;
  }

  getResponseText(): string {
    return this.text;
  }
}

export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly env: Env) {}

  private get state() {
    return this.env.world.user(this.env.exec.user).ui;
  }

  createAddonMenu(): Menu {
    return this.env.exec.call('ui', 0, () => new Menu(this.env, this.env.world.addonName, true));
  }

  createMenu(caption: string): Menu {
    return this.env.exec.call('ui', 0, () => new Menu(this.env, String(caption), false));
  }

  private panel(html: HtmlOutput, modal: boolean, title?: string): PanelSnapshot {
    this.env.exec.requireScope('ui', modal ? 'Ui.showModalDialog' : 'Ui.showSidebar', SCOPES.containerUi);
    if (!(html instanceof HtmlOutput)) throw new Error('Invalid argument: userInterface');
    return {
      title: title ?? html.getTitle(),
      html: html.getContent(),
      file: html.file,
      width: html.width,
      height: html.height,
      modal,
    };
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.env.exec.call('ui', 0, () => {
      this.state.sidebar = this.panel(userInterface, false);
    });
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.env.exec.call('ui', 0, () => {
      this.state.dialog = this.panel(userInterface, true, String(title));
    });
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.env.exec.call('ui', 0, () => {
      this.state.dialog = this.panel(userInterface, false, String(title));
    });
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons); answers come from rt.ui.answer(). */
  alert(a: string, b?: string, c?: string): string {
    return this.env.exec.call('ui', 0, () => {
      this.env.exec.requireScope('ui', 'Ui.alert', SCOPES.containerUi);
      const [title, prompt, buttonSet] =
        c !== undefined ? [a, b ?? '', c] : b !== undefined && b in ButtonSet ? ['', a, b] : ['', a, 'OK'];
      const queued = this.state.answers.shift();
      const answer = queued?.button ?? FIRST_BUTTON[buttonSet] ?? 'OK';
      this.state.alerts.push({ kind: 'alert', title, prompt: String(prompt), buttonSet, answer });
      return answer;
    });
  }

  prompt(a: string, b?: string, c?: string): PromptResponse {
    return this.env.exec.call('ui', 0, () => {
      this.env.exec.requireScope('ui', 'Ui.prompt', SCOPES.containerUi);
      const [title, prompt, buttonSet] =
        c !== undefined ? [a, b ?? '', c] : b !== undefined && b in ButtonSet ? ['', a, b] : ['', a, 'OK'];
      const queued = this.state.answers.shift();
      const answer = queued?.button ?? FIRST_BUTTON[buttonSet] ?? 'OK';
      const text = queued?.text ?? '';
      this.state.alerts.push({ kind: 'prompt', title, prompt: String(prompt), buttonSet, answer, text });
      return new PromptResponse(answer, text);
    });
  }
}
