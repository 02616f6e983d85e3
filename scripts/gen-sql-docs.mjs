// Rewrites the generated SQL blocks of docs/sql.md (see scripts/sql-docs.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importTs } from '../bench/_lib/ts.mjs';

const file = fileURLToPath(new URL('../docs/sql.md', import.meta.url));
const { renderSqlDocs } = await importTs('scripts/sql-docs.ts');
writeFileSync(file, renderSqlDocs(readFileSync(file, 'utf8')));
console.log('wrote docs/sql.md');
