// The page's own files, bundled once at start with esbuild (already the add-on's bundler).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface Assets {
  html: string;
  css: string;
  js: string;
  /** google.script.run for sidebars, injected into each sidebar page. */
  shim: string;
  /** The tab's icon (SVG). */
  icon: string;
}

const pageDir = join(import.meta.dirname, 'page');

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [join(pageDir, entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  return out.outputFiles[0]?.text ?? '';
}

export async function buildAssets(): Promise<Assets> {
  const [js, shim] = await Promise.all([bundle('main.ts'), bundle('shim.ts')]);
  return {
    html: readFileSync(join(pageDir, 'index.html'), 'utf8'),
    css: readFileSync(join(pageDir, 'style.css'), 'utf8'),
    js,
    shim,
    icon: readFileSync(join(pageDir, 'favicon.svg'), 'utf8'),
  };
}
