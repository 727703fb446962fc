// Bundles GraphiQL, React and ReactDOM into src/Hub.Api/wwwroot/graphiql/ (graphiql.js, graphiql.css), which the
// hub embeds and serves at /graphql/ui in Development. Run after changing package.json: npm ci && npm run build.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../src/Hub.Api/wwwroot/graphiql');

const result = await esbuild.build({
  entryPoints: { graphiql: path.join(here, 'src/main.jsx') },
  outdir: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  legalComments: 'eof',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Fonts and images stay inside the CSS: no file of the page comes from anywhere but the hub.
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  logLevel: 'info',
  metafile: true,
});

const external = Object.keys(result.metafile.inputs).filter((p) => /^https?:/.test(p));
if (external.length > 0) {
  throw new Error('The bundle refers to remote files: ' + external.join(', '));
}
