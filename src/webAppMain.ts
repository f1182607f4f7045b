// The confirmation web app's bundle root (dist/webapp/Code.js): a separate Apps Script project whose only top-level
// functions are doGet and answerConfirmation, so its page's google.script.run can reach nothing else. Built like
// src/main.ts: esbuild wraps this module as the library `ResultsLadder_`, the build writes the top-level functions.
export { webAppEntries as registry } from './confirmations/entry/webAppEntries';
