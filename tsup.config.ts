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

export default defineConfig([
  {
    entry: entries,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    splitting: true,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
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
]);
