// Lets a plain `node` child process load the TypeScript sources the way jest does: the
// resolution rules of test/jest-resolution.cjs, and .ts files compiled to CommonJS by swc.
require('../../../test/jest-resolution.cjs');
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');
const swcOptions = require('../../../test/swc-options.cjs');

for (const [extension, options] of [
  ['.ts', swcOptions.typescript],
  ['.tsx', swcOptions.tsx],
]) {
  Module._extensions[extension] = function compileTypeScript(module, filename) {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
    module._compile(code, filename);
  };
}
