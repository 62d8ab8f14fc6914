// Protected ranges and sheets: who may edit them, and the check every write goes through.

import type { Env } from '../env.js';
import { User } from '../session.js';
import type { GridRange } from './a1.js';
import { contains, intersects, type ProtectionModel, type SheetModel } from './model.js';
import { Range } from './range.js';

export const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

/** Warning-only protection asks people to confirm; scripts edit through it. The owner edits everything. */
function mayEdit(p: ProtectionModel, user: string): boolean {
  return p.warningOnly || user === p.sheet.workbook.owner || p.editors === null || p.editors.has(user);
}

function blocks(p: ProtectionModel, target: GridRange | 'sheet'): boolean {
  if (target === 'sheet') return true;
  if (p.type === 'RANGE') return intersects(p.grid, target);
  // A cell of a protected sheet is free only inside one of its unprotected ranges.
  return !p.unprotected.some((u) => contains(u, target));
}

/** Throws Sheets' message when the user may not change `target` (cells, or the sheet itself). */
export function assertEditable(env: Env, sheet: SheetModel, target: GridRange | 'sheet'): void {
  const user = env.exec.user;
  for (const p of sheet.workbook.protections) {
    if (p.sheet !== sheet || mayEdit(p, user)) continue;
    if (target === 'sheet' && p.type === 'RANGE') continue;
    if (blocks(p, target)) throw new Error(PROTECTED);
  }
}

/** A sheet change (rows in or out, freezing, renaming) that also touches protected ranges' rows. */
export function assertSheetEditable(env: Env, sheet: SheetModel, rows?: GridRange): void {
  assertEditable(env, sheet, 'sheet');
  if (rows) assertEditable(env, sheet, rows);
}

export function newProtection(env: Env, sheet: SheetModel, type: 'RANGE' | 'SHEET', grid: GridRange) {
  const model: ProtectionModel = {
    type,
    sheet,
    grid,
    description: '',
    warningOnly: false,
    editors: null,
    unprotected: [],
  };
  sheet.workbook.protections.push(model);
  return new Protection(env, model);
}

export class Protection {
  constructor(
    private readonly env: Env,
    readonly model: ProtectionModel,
  ) {}

  private info<T>(body: () => T): T {
    return this.env.exec.call('spreadsheet', 0, body);
  }

  /** Changing a protection needs the right to edit what it protects. */
  private change<T>(body: () => T): T {
    return this.env.exec.call('spreadsheet', 0, () => {
      if (!mayEdit({ ...this.model, warningOnly: false }, this.env.exec.user)) throw new Error(PROTECTED);
      return body();
    });
  }

  /** The first change to the list starts from the owner and the user changing it. */
  private editors(): Set<string> {
    if (!this.model.editors) {
      this.model.editors = new Set([this.model.sheet.workbook.owner, this.env.exec.user].filter(Boolean));
    }
    return this.model.editors;
  }

  private emailOf(who: unknown): string {
    if (who instanceof User) return who.getEmail();
    if (typeof who === 'string' && who.includes('@')) return who;
    throw new Error(`Invalid argument: ${String(who)}`);
  }

  getProtectionType(): string {
    return this.info(() => this.model.type);
  }

  getRange(): Range {
    return this.info(() => {
      const s = this.model.sheet;
      const grid =
        this.model.type === 'SHEET'
          ? { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxColumns }
          : this.model.grid;
      return new Range(this.env, s, { ...grid });
    });
  }

  getDescription(): string {
    return this.info(() => this.model.description);
  }

  setDescription(description: string): Protection {
    return this.change(() => {
      this.model.description = String(description);
      return this;
    });
  }

  isWarningOnly(): boolean {
    return this.info(() => this.model.warningOnly);
  }

  setWarningOnly(warningOnly: boolean): Protection {
    return this.change(() => {
      this.model.warningOnly = Boolean(warningOnly);
      return this;
    });
  }

  canEdit(): boolean {
    return this.info(() => mayEdit({ ...this.model, warningOnly: false }, this.env.exec.user));
  }

  canDomainEdit(): boolean {
    return this.info(() => false);
  }

  setDomainEdit(_editable: boolean): Protection {
    return this.change(() => this);
  }

  /** Who may edit it; only someone who may edit it can ask. */
  getEditors(): User[] {
    return this.change(() => {
      const list = this.model.editors ?? new Set([this.model.sheet.workbook.owner, this.env.exec.user]);
      return this.env.exec.realm.array([...list].filter(Boolean).map((e) => new User(e)));
    });
  }

  addEditor(who: unknown): Protection {
    return this.change(() => {
      this.editors().add(this.emailOf(who));
      return this;
    });
  }

  addEditors(emails: unknown[]): Protection {
    return this.change(() => {
      for (const e of emails) this.editors().add(this.emailOf(e));
      return this;
    });
  }

  /** The owner cannot be removed: Sheets keeps them silently. */
  removeEditor(who: unknown): Protection {
    return this.removeEditors([who]);
  }

  removeEditors(emails: unknown[]): Protection {
    return this.change(() => {
      const list = this.editors();
      for (const e of emails) {
        const email = this.emailOf(e);
        if (email !== this.model.sheet.workbook.owner) list.delete(email);
      }
      return this;
    });
  }

  getUnprotectedRanges(): Range[] {
    return this.info(() =>
      this.env.exec.realm.array(
        this.model.unprotected.map((g) => new Range(this.env, this.model.sheet, { ...g })),
      ),
    );
  }

  setUnprotectedRanges(ranges: Range[]): Protection {
    return this.change(() => {
      if (this.model.type !== 'SHEET')
        throw new Error('Unprotected ranges can only be set on a protected sheet.');
      this.model.unprotected = ranges.map((r) => ({ ...r.grid }));
      return this;
    });
  }

  remove(): void {
    this.change(() => {
      const wb = this.model.sheet.workbook;
      wb.protections = wb.protections.filter((p) => p !== this.model);
    });
  }
}
