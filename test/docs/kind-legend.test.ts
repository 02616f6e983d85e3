// The kinds of a day off are documented as the data defines them (data/vn-official-days.json,
// meta.kindLegend), and the docs send readers to `occasion` to find a festival.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const legend = JSON.parse(read('data/vn-official-days.json')).meta.kindLegend as Record<string, string>;

describe('the kind legend of the docs is the data’s', () => {
  for (const file of ['docs/calendar.md', 'docs/glossary.md', 'src/calendar/types.ts']) {
    it(file, () => {
      const text = read(file);
      for (const [kind, meaning] of Object.entries(legend)) expect(text, `${file}: ${kind}`).toContain(`\`${kind}\`: ${meaning}`.replace(/^`(\w+)`/, file.endsWith('glossary.md') ? "`kind: '$1'`" : '`$1`'));
      expect(text).toContain("'tet_nguyen_dan'");
      expect(text).not.toMatch(/Tết[^|\n]*\| *`kind: 'tet'`, `occasion/);
    });
  }
});
