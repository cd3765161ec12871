#!/usr/bin/env node
// Compiles with `tsc -p tsconfig.build.json` when dist/ is missing or older than a source file,
// so `npm start` and the CLI scripts always run current code, and cost nothing when it already is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'dist', '.build-stamp');
const sourceDirectories = ['src', 'libs', 'bench'];
const configFiles = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
const testFile = /\.(spec|int-spec|e2e-spec)\.ts$/;

function newestSourceTime(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'results')
        newest = Math.max(newest, newestSourceTime(path));
    } else if (/\.tsx?$/.test(entry.name) && !testFile.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function sourcesChangedSince(stampTime) {
  const configTime = Math.max(
    ...configFiles
      .map((file) => join(root, file))
      .filter(existsSync)
      .map((path) => statSync(path).mtimeMs),
  );
  const sourceTime = Math.max(
    0,
    ...sourceDirectories
      .map((directory) => join(root, directory))
      .filter(existsSync)
      .map(newestSourceTime),
  );
  return Math.max(configTime, sourceTime) > stampTime;
}

const stampTime = existsSync(stampFile) ? statSync(stampFile).mtimeMs : 0;
if (stampTime > 0 && !sourcesChangedSince(stampTime)) process.exit(0);

const startedAt = Date.now();
process.stderr.write('Building (tsc -p tsconfig.build.json)...\n');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  process.stderr.write('Build failed; fix the errors above and run the command again.\n');
  process.exit(build.status ?? 1);
}
// Stamped with the start time: a file saved while tsc ran is newer, so the next run builds again.
writeFileSync(stampFile, `${new Date(startedAt).toISOString()}\n`);
utimesSync(stampFile, startedAt / 1000, startedAt / 1000);
process.stderr.write(`Built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
