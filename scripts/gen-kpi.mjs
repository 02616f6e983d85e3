// Writes src/kpi/_generated/count.ts from src/kpi/definitions.ts (see scripts/kpi-codegen.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importTs } from '../bench/_lib/ts.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const { generateCountSource } = await importTs('scripts/kpi-codegen.ts');
writeFileSync(`${root}src/kpi/_generated/count.ts`, generateCountSource());
console.log('wrote src/kpi/_generated/count.ts');
