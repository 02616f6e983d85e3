// Load a TypeScript bench module (written against the sources) by bundling it with esbuild into .bench-tmp/.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function importTs(relative) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  mkdirSync(`${root}.bench-tmp`, { recursive: true });
  const outfile = `${root}.bench-tmp/${relative.replace(/[\\/]/g, '_').replace(/\.ts$/, '.mjs')}`;
  await build({ entryPoints: [`${root}${relative}`], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return import(pathToFileURL(outfile).href);
}
