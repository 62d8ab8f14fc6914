// Tests load a tiny bundle of their own, so they do not depend on the add-on's build.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createRuntime, type RuntimeOptions } from '../../dev/gas/index.js';

const made: string[] = [];

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A build folder holding Code.js (and any .html files). */
export function fixture(code: string, html: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-fixture-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'Code.js'), code);
  for (const [name, content] of Object.entries(html))
    fs.writeFileSync(path.join(dir, `${name}.html`), content);
  return dir;
}

export function runtimeFor(
  code: string,
  options: Omit<RuntimeOptions, 'buildDir'> = {},
  html?: Record<string, string>,
) {
  return createRuntime({ buildDir: fixture(code, html), ...options });
}
