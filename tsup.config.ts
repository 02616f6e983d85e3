import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

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
    target: 'es2022',
    platform: 'neutral',
    outDir: 'dist',
  },
  {
    entry: nodeEntries,
    format: ['esm', 'cjs'],
    dts: { entry: { node: nodeEntries.node } },
    clean: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];
});
