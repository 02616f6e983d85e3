import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALENDAR_COLUMNS, DOSSIER_TABLE, INDEX_DEFINITIONS, RATE_DEFINITIONS } from '../../src/sql/index';
import { snake } from '../../src/sql/reportSql';

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
});
