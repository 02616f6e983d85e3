import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];
const CATALOG = /(^|[\\/])data[\\/]procedures\.json$/;

/**
 * The sample catalogue (`data/procedures.json`, ~200 KB) is bundled once, into the ESM build, which
 * browsers load without a file system. The CommonJS build requires the shipped data file
 * (`require('../data/procedures.json')`, also exported as `motcua/data/procedures.json`), and the
 * CLI reads it with `createRequire`: before, dist held three copies.
 */
const catalogFromDataFile = (how: 'require' | 'createRequire'): EsbuildPlugin => ({
  name: 'motcua-catalog-data-file',
  setup(build) {
    // tsup builds CommonJS as ESM then converts it; the output extension tells the two apart
    if (how === 'require' && build.initialOptions.outExtension?.['.js'] !== '.cjs') return;
    build.onResolve({ filter: CATALOG }, (args) =>
      how === 'require' || args.namespace === 'motcua-catalog' ? { path: '../data/procedures.json', external: true } : { path: 'procedures.json', namespace: 'motcua-catalog' });
    build.onLoad({ filter: /.*/, namespace: 'motcua-catalog' }, () => ({
      contents: "import { createRequire } from 'node:module';\nexport default createRequire(import.meta.url)('../data/procedures.json');\n",
      loader: 'js',
    }));
  },
});

/** Public entry points: one per module, mirrored in package.json "exports". */
export const entries = {
  index: 'src/index.ts',
  calendar: 'src/calendar/index.ts',
  procedure: 'src/procedure/index.ts',
  schema: 'src/schema/index.ts',
  kpi: 'src/kpi/index.ts',
  dossier: 'src/dossier/index.ts',
  sql: 'src/sql/index.ts',
};

/** Node-only entries (files, worker threads): `motcua/node` and the worker it starts, built for Node. */
export const nodeEntries = {
  node: 'src/node/index.ts',
  'node-worker': 'src/node/worker.ts',
};

// dist is emptied once, before the three builds below, none of which cleans: a build's clean
// (run in parallel) removed the others' declaration files.
export default defineConfig(() => {
  rmSync('dist', { recursive: true, force: true });
  return [
  {
    entry: entries,
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    splitting: true,
    treeshake: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    outDir: 'dist',
    esbuildPlugins: [catalogFromDataFile('require')],
  },
  {
    entry: nodeEntries,
    format: ['esm', 'cjs'],
    dts: { entry: { node: nodeEntries.node } },
    clean: false,
    splitting: true,
    treeshake: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    esbuildPlugins: [catalogFromDataFile('createRequire')],
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    esbuildPlugins: [catalogFromDataFile('createRequire')],
    banner: { js: '#!/usr/bin/env node' },
  },
];
});
