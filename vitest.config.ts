import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  // Examples import the package as users do ('motcua/dossier'); in tests that is the sources.
  resolve: {
    alias: [
      { find: /^motcua\/(calendar|procedure|schema|kpi|dossier|sql|node)$/, replacement: `${src}$1/index.ts` },
      { find: /^motcua$/, replacement: `${src}index.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // `TZ` is forced to a zone far from UTC+7 so that any leak of the host zone into civil dates fails loudly.
    env: { TZ: 'America/Los_Angeles' },
  },
});
