// HtmlService: pages come from <buildDir>/<name>.html, as clasp pushes them.

import fs from 'node:fs';
import path from 'node:path';
import type { Env } from './env.js';

export const SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class HtmlOutput {
  private title = '';
  width: number | null = null;
  height: number | null = null;

  constructor(
    private content: string,
    /** The build file the page was read from, if any. */
    readonly file: string | null,
  ) {}

  getContent(): string {
    return this.content;
  }

  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }

  getWidth(): number | null {
    return this.width;
  }

  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this;
  }

  getHeight(): number | null {
    return this.height;
  }

  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this;
  }

  setSandboxMode(_mode: string): HtmlOutput {
    return this;
  }

  setXFrameOptionsMode(_mode: string): HtmlOutput {
    return this;
  }

  addMetaTag(_name: string, _content: string): HtmlOutput {
    return this;
  }

  setFaviconUrl(_iconUrl: string): HtmlOutput {
    return this;
  }
}

export class HtmlServiceFake {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(private readonly env: Env) {}

  createHtmlOutput(html = ''): HtmlOutput {
    return this.env.exec.call('html', 0, () => new HtmlOutput(String(html), null));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return this.env.exec.call('html', 0, () => {
      const name = String(filename).replace(/\.html$/, '');
      const file = path.join(this.env.world.buildDir, `${name}.html`);
      if (!fs.existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
      return new HtmlOutput(fs.readFileSync(file, 'utf8'), `${name}.html`);
    });
  }
}
