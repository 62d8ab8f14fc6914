// Test-side views of per-user UI state, logs and property stores.

import { execute } from './execute.js';
import type {
  AlertRecord,
  ButtonName,
  LogEntry,
  MenuEntry,
  MenuSnapshot,
  PanelSnapshot,
  RunResult,
  ToastRecord,
} from './types.js';
import type { World } from './world.js';

export class UiView {
  constructor(
    private readonly world: World,
    private readonly user: string,
    private readonly documentId: string,
  ) {}

  private get state() {
    return this.world.user(this.user, this.documentId).ui;
  }

  /** Menus added by the script (onOpen), as the user sees them. */
  get menus(): MenuSnapshot[] {
    return structuredClone(this.state.menus);
  }

  get sidebar(): PanelSnapshot | null {
    return this.state.sidebar;
  }

  get dialog(): PanelSnapshot | null {
    return this.state.dialog;
  }

  get alerts(): AlertRecord[] {
    return this.state.alerts;
  }

  get toasts(): ToastRecord[] {
    return this.state.toasts;
  }

  closeSidebar(): void {
    this.state.sidebar = null;
  }

  closeDialog(): void {
    this.state.dialog = null;
  }

  /** Queues the button (and prompt text) the user picks at the next alert() or prompt(). */
  answer(button: ButtonName, text?: string): void {
    this.state.answers.push({ button, text });
  }

  /**
   * Clicks a menu item and runs its function as an execution. The path is the item's caption,
   * optionally preceded by menu and submenu titles: click('Pull report') or click('Assembled', 'Pull report').
   */
  click(...path: string[]): RunResult {
    const found: { path: string[]; functionName: string }[] = [];
    const walk = (items: MenuEntry[], trail: string[]) => {
      for (const item of items) {
        if (item.type === 'item')
          found.push({ path: [...trail, item.caption], functionName: item.functionName });
        if (item.type === 'submenu') walk(item.items, [...trail, item.caption]);
      }
    };
    for (const menu of this.state.menus) walk(menu.items, [menu.title]);
    const matches = found.filter((f) => path.every((p, i) => f.path[f.path.length - path.length + i] === p));
    if (matches.length !== 1) {
      const all = found.map((f) => f.path.join(' > ')).join('; ') || 'none (did onOpen run?)';
      throw new Error(
        `${matches.length === 0 ? 'No' : 'More than one'} menu item ${path.join(' > ')}; items: ${all}`,
      );
    }
    return execute(this.world, {
      fnName: (matches[0] as { functionName: string }).functionName,
      user: this.user,
      authMode: 'FULL',
      kind: 'menu',
      documentId: this.documentId,
      args: () => [],
    });
  }
}

export class LogsView {
  constructor(private readonly world: World) {}

  /** Every Logger/console entry of every execution, oldest first. */
  get entries(): LogEntry[] {
    return this.world.logs;
  }

  messages(): string[] {
    return this.world.logs.map((e) => e.message);
  }

  clear(): void {
    this.world.logs.length = 0;
  }
}

export class StoreView {
  constructor(private readonly store: () => Map<string, string>) {}

  get(key: string): string | null {
    return this.store().get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.store().set(key, String(value));
  }

  delete(key: string): void {
    this.store().delete(key);
  }

  keys(): string[] {
    return [...this.store().keys()];
  }

  all(): Record<string, string> {
    return Object.fromEntries(this.store());
  }

  clear(): void {
    this.store().clear();
  }
}
