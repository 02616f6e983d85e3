// motcua/procedure must stay light: no zod, and the sample data only when imported.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function bundle(code: string) {
  const r = await build({ stdin: { contents: code, resolveDir: root, loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, metafile: true, treeShaking: true });
  const inputs = Object.keys(r.metafile.inputs);
  return { inputs, kb: gzipSync(r.outputFiles[0]!.contents, { level: 9 }).length / 1024, text: new TextDecoder().decode(r.outputFiles[0]!.contents) };
}

describe('bundle weight', () => {
  it('motcua/procedure without the sample: no zod, no data/procedures.json, under 17.5 KB gzipped (16 before the Vietnamese error texts of #19)', async () => {
    const b = await bundle(`import { dueDateFor, procedureLimit, findProcedure, proceduresByField, proceduresByAgency } from './src/procedure/index'; console.log(dueDateFor, procedureLimit, findProcedure, proceduresByField, proceduresByAgency);`);
    expect(b.inputs.filter((f) => f.includes('zod'))).toEqual([]);
    expect(b.text).not.toContain('DVCQG-SNAP'); // the data is tree-shaken away
    expect(b.kb).toBeLessThan(17.5); // +1.5 KB for every calendar error in Vietnamese and English (#19), added deliberately
  });

  it('the sample catalogue is bundled only when imported', async () => {
    const b = await bundle(`import { sampleCatalog } from './src/procedure/index'; console.log(sampleCatalog);`);
    expect(b.text).toContain('DVCQG-SNAP');
    expect(b.inputs.filter((f) => f.includes('zod'))).toEqual([]);
  });

  it('motcua/schema loads zod/mini, not the classic zod API, and stays under 40 KB gzipped', async () => {
    const b = await bundle(`import { parseCatalog } from './src/schema/index'; console.log(parseCatalog);`);
    expect(b.inputs.some((f) => f.includes('node_modules/zod/v4/mini'))).toBe(true);
    expect(b.inputs.filter((f) => f.includes('node_modules/zod/v4/classic'))).toEqual([]);
    expect(b.kb).toBeLessThan(40);
  });
});
