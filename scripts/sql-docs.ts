/**
 * The generated SQL shown in docs/sql.md: the national Decision 766 query in each dialect,
 * between `<!-- generated:sql:<dialect> -->` and `<!-- /generated:sql:<dialect> -->`. Rewritten
 * by `npm run gen:sql-docs` (scripts/gen-sql-docs.mjs); test/sql/docs.test.ts fails when the
 * committed docs drift from the generator (e.g. after a change of src/kpi/definitions.ts).
 */
import { period } from '../src/kpi/index';
import { type Dialect, DIALECTS, reportSql } from '../src/sql/index';

/**
 * The national 766 query: one row per province and the national total, over a dossier table
 * partitioned by province. The province column is mapped to the `agency` group key.
 */
export function nationalSql(dialect: Dialect): string {
  return reportSql({
    dialect,
    table: 'national.dossiers',
    columns: { agency: 'province_code' },
    groupBy: 'agency',
    period: period('2025'),
    policy: { supplements: 'decision-766' },
  });
}

/** The markdown with every generated block replaced by the current generator's output. */
export function renderSqlDocs(markdown: string): string {
  let out = markdown;
  for (const dialect of DIALECTS) {
    const open = `<!-- generated:sql:${dialect} -->`;
    const close = `<!-- /generated:sql:${dialect} -->`;
    const a = out.indexOf(open);
    const b = out.indexOf(close);
    if (a < 0 || b < a) throw new Error(`docs/sql.md: missing ${open} … ${close}`);
    out = `${out.slice(0, a + open.length)}\n\n\`\`\`sql\n${nationalSql(dialect)}\`\`\`\n\n${out.slice(b)}`;
  }
  return out;
}
