// Emscripten 3.1.6's ES-module output calls require() and reads __dirname when
// it runs under Node, where an ES module has neither. Give it both; browsers and
// workers never take that path.
if (typeof process === 'object' && process.versions && process.versions.node &&
    typeof process.getBuiltinModule === 'function') {
  var require = process.getBuiltinModule('module').createRequire(process.cwd() + '/');
  var __dirname = process.cwd();
}
