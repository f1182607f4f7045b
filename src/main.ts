// The bundle's root: esbuild wraps this module as the library `ResultsLadder_`, which the generated
// top-level functions call into. Nothing runs at load time: Apps Script parses this file on every call.
export { registry } from './entry/registry';
