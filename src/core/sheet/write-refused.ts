/** A write refused before it changed a cell, or a cell it may not change: its message says what to do. */
export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}
