#!/usr/bin/env node
// Writes the OpenAPI document the api serves at /api/docs-json to the file named (or to stdout),
// without starting the server or needing PostgreSQL or Redis, for `redocly lint` and client
// generators: node scripts/openapi-document.mjs openapi.json
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [output] = process.argv.slice(2);

// The compiled application is what serves the document, so it is built first when stale.
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs')], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const dist = (path) => import(pathToFileURL(join(root, 'dist', 'src', path)).href);
const { buildOpenApiDocumentOffline } = await dist('platform/openapi/openapi-offline.js');
const { AppModule } = await dist('app.module.js');
const { parseConfig } = await dist('config/index.js');
// The defaults, not this process's environment: the document must not depend on where it is built.
const document = await buildOpenApiDocumentOffline(AppModule.forRoot(parseConfig({})));
const json = `${JSON.stringify(document, null, 2)}\n`;
if (output) {
  writeFileSync(output, json);
  process.stderr.write(`OpenAPI document written to ${output}\n`);
} else {
  process.stdout.write(json);
}
