/**
 * Lets a child process `require` the app's TypeScript directly (node -r this-file entry.ts): each .ts file is
 * transpiled on load with the TypeScript compiler the repository already has (ts-node is not installed).
 * Type checking is the test suite's job (tsc -p tests); this only strips types.
 */
const { readFileSync } = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
    },
  });
  module._compile(outputText, filename);
};
