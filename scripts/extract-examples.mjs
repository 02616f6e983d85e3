#!/usr/bin/env node
// Extracts every ```ts block of the JSDoc @example tags under src/ into test/_examples/ (gitignored),
// with `motcua/*` imports pointed at the sources, so `tsc` (run by `npm test`) compiles every example.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'test/_examples');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const ENTRY = { motcua: 'src/index', 'motcua/calendar': 'src/calendar/index', 'motcua/procedure': 'src/procedure/index', 'motcua/schema': 'src/schema/index', 'motcua/dossier': 'src/dossier/index', 'motcua/kpi': 'src/kpi/index', 'motcua/sql': 'src/sql/index', 'motcua/node': 'src/node/index' };

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (p.endsWith('.ts') && !p.includes('/_data/')) yield p;
  }
}

let count = 0;
for (const file of walk(join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  const re = /@example[\s\S]*?```ts\n([\s\S]*?)```/g;
  let m;
  let k = 0;
  while ((m = re.exec(text))) {
    const code = m[1]
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n')
      .replace(/from '(motcua(?:\/[a-z]+)?)'/g, (all, spec) => {
        const target = ENTRY[spec];
        if (!target) throw new Error(`${relative(root, file)}: unknown import ${spec} in an @example`);
        return `from '${relative(out, join(root, target)).replaceAll('\\', '/')}'`;
      });
    const name = `${relative(join(root, 'src'), file).replace(/[\\/]/g, '__').replace(/\.ts$/, '')}__${k++}.ts`;
    writeFileSync(join(out, name), `// extracted from ${relative(root, file)}\n${code}\nexport {};\n`);
    count++;
  }
}
console.log(`extracted ${count} @example blocks into test/_examples/`);
