// build.mjs bundles the page into dist/: index.html at the top, the script
// and style sheet (cytoscape included) under dist/assets/, which is what
// api.Server serves at / and /assets/. Run it with `npm run build`.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';

const out = 'dist';

await rm(out, { recursive: true, force: true });
await mkdir(`${out}/assets`, { recursive: true });
await esbuild.build({
  entryPoints: ['src/main.js'],
  bundle: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  sourcemap: true,
  // Licences of the bundled libraries go to a file next to the bundle.
  legalComments: 'linked',
  outdir: `${out}/assets`,
  logLevel: 'warning',
});
await copyFile('src/index.html', `${out}/index.html`);
console.log(`built ${out}/index.html and ${out}/assets/`);
