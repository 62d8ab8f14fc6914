// Builds the Apps Script artifact: build/Code.js (server bundle with top-level entry points),
// one self-contained build/<page>.html per sidebar page, and build/appsscript.json. The bundle is
// fully minified (Apps Script parses all of it on every execution); the entry points keep their
// names, being the forwarders' names, and build/Code.js.map maps it back to src/ for local
// debugging. clasp pushes only .js/.gs/.html and appsscript.json, so the map stays local.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { entryPointNames, forwarders, GLOBAL_NAME } from './entry-points';
import { inlinePage } from './inline-page';

const root = join(import.meta.dirname, '..');
const final = join(root, 'build');
// Built beside build/ and swapped in whole, so a runtime loading build/ never sees half a build.
const out = join(root, `build.tmp-${process.pid}`);
const pagesDir = join(root, 'src/ui/pages');
const target = 'es2020';

rmSync(out, { recursive: true, force: true });
mkdirSync(out);

const server = await build({
  entryPoints: [join(root, 'src/server/main.ts')],
  bundle: true,
  format: 'iife',
  globalName: GLOBAL_NAME,
  target,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  sourcemap: 'external',
  sourcesContent: false,
  outfile: join(out, 'Code.js'),
  metafile: true,
  write: false,
});
const output = (ext: string) => server.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
const bundle = output('.js');
const names = entryPointNames(bundle);
// The forwarders follow the mapped bundle, so the map's lines stay true.
const code = `${bundle}\n${forwarders(names)}\n//# sourceMappingURL=Code.js.map\n`;
writeFileSync(join(out, 'Code.js'), code);
writeFileSync(join(out, 'Code.js.map'), output('.js.map'));

const sizes: [string, number][] = [['Code.js', Buffer.byteLength(code)]];
for (const page of readdirSync(pagesDir)) {
  const dir = join(pagesDir, page);
  const ui = await build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target,
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  const html = inlinePage({
    template: readFileSync(join(dir, 'index.html'), 'utf8'),
    css: [join(root, 'src/ui/styles/base.css'), join(dir, 'style.css')]
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n'),
    js: ui.outputFiles[0]?.text ?? '',
  });
  writeFileSync(join(out, `${page}.html`), html);
  sizes.push([`${page}.html`, Buffer.byteLength(html)]);
}
copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
rmSync(final, { recursive: true, force: true });
renameSync(out, final);

for (const [file, bytes] of sizes) console.log(`build/${file.padEnd(20)} ${(bytes / 1024).toFixed(1)} KiB`);
console.log(`entry points (${names.length}): ${names.join(', ')}`);
if (process.env.BUILD_ANALYZE) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(server.metafile));
}
