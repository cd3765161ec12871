// Jest's moduleNameMapper does not apply to globalSetup/globalTeardown, which are loaded with
// Node's own require. This teaches that require the same two rules: relative `.js` imports
// name `.ts` or `.tsx` sources, and `#lib` imports name libs/<lib>/src/index.ts.
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const resolve = Module._resolveFilename;

Module._resolveFilename = function resolveLikeJest(request, parent, ...rest) {
  const lib = /^#([a-z-]+)$/.exec(request);
  if (lib) return path.join(root, 'libs', lib[1], 'src', 'index.ts');
  if (/^\.{1,2}\//.test(request) && request.endsWith('.js')) {
    for (const extension of ['.ts', '.tsx']) {
      try {
        return resolve.call(this, request.slice(0, -3) + extension, parent, ...rest);
      } catch {
        // not a TypeScript source of this kind: try the next
      }
    }
  }
  return resolve.call(this, request, parent, ...rest);
};
