// How TypeScript sources become CommonJS for jest and for the child processes tests spawn.
const typescript = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

// The web pages' views (.tsx) are Preact components, rendered to HTML on the server.
const tsx = {
  ...typescript,
  jsc: {
    ...typescript.jsc,
    parser: { ...typescript.jsc.parser, tsx: true },
    transform: { ...typescript.jsc.transform, react: { runtime: 'automatic', importSource: 'preact' } },
  },
};

module.exports = { typescript, tsx };
