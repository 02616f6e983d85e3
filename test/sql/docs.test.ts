import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSqlDocs } from '../../scripts/sql-docs';
import { COUNT_DEFINITIONS, CALENDAR_COLUMNS, countColumn, DIALECTS, DOSSIER_TABLE, INDEX_DEFINITIONS, RATE_DEFINITIONS } from '../../src/sql/index';
import { snake } from '../../src/sql/reportSql';
import type { Counts } from '../../src/kpi/index';

const doc = readFileSync(new URL('../../docs/sql.md', import.meta.url), 'utf8');

describe('docs/sql.md', () => {
  it('documents every column of the dossier table with its type and field', () => {
    for (const c of DOSSIER_TABLE) {
      expect(doc, c.name).toContain(`| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | \`${c.field}\` |`);
    }
  });
  it('names every calendar column, rate and index of the output', () => {
    for (const c of CALENDAR_COLUMNS) expect(doc).toContain(`\`${c}\``);
    for (const r of Object.keys(RATE_DEFINITIONS)) expect(doc).toContain(`\`${snake(r)}\``);
    for (const i of INDEX_DEFINITIONS) expect(doc).toContain(`\`${i.code.replace('.', '_')}\``);
  });
  it('maps every Biểu II.06a count column to its form number and heading', () => {
    for (const [key, def] of Object.entries(COUNT_DEFINITIONS)) {
      if (!/^\(\d+\)$/.test(def.column ?? '')) continue;
      expect(doc, key).toContain(`| \`${countColumn(key as keyof Counts)}\` | ${def.column} | ${def.vi} |`);
    }
  });
  it('shows `motcua sql report --dialect X` for each dialect', () => {
    for (const d of DIALECTS) expect(doc).toContain(`motcua sql report --dialect ${d} `);
  });
  it('shows the national 766 query exactly as generated in each dialect (npm run gen:sql-docs rewrites it)', () => {
    expect(renderSqlDocs(doc) === doc, 'docs/sql.md is stale: run npm run gen:sql-docs').toBe(true);
    for (const d of DIALECTS) expect(doc).toContain(`; dialect ${d}\n`);
  });
});
