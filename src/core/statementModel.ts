// The judge's word model (docs/rules.md §3, "The word model"): a linear model over a statement's words and pairs of
// words (statementFeatures.ts), trained on the labelled corpus by scripts/trainJudge.ts into statementWeights.json.
// It reads what the rules' word lists miss — adoption, sentiment and feature names in words nobody listed — and says
// which of its words weighed most, so a verdict it decides still names the words that decided it.
import { lengthBand, statementWords, tokenOf } from './statementFeatures';
import WEIGHTS from './statementWeights.json';

type Row = readonly number[];

/**
 * The weights as flat rows of class scores, one row per token the model knows, found by the token's number: a
 * statement's words are looked up once each, and a pair of words is one lookup by two numbers, not a second string.
 */
interface Tables {
  /** Each token's number, under its own spelling and (a word the stem shortens) its plural: "report", "reports". */
  readonly ids: ReadonlyMap<string, number>;
  /** Row `id` of `u`, `f`: the token's weight as a word and as the first word; `hasU` says it has one as a word. */
  readonly u: Float64Array;
  readonly f: Float64Array;
  readonly hasU: Uint8Array;
  /** A pair's row in `b`, keyed `first × tokens + second`. */
  readonly pairs: ReadonlyMap<number, number>;
  readonly b: Float64Array;
  readonly tokens: number;
  readonly n: ReadonlyMap<string, Row>;
  readonly classes: readonly string[];
  readonly bias: Row;
  readonly step: number;
}

/**
 * Maps and typed arrays, not the JSON objects: a statement's word may be "constructor" or "__proto__". Built on first
 * use (a few milliseconds), so a custom function that never judges a statement never pays for it.
 */
let tables: Tables | null = null;
function tablesOf(): Tables {
  if (tables) return tables;
  const K = WEIGHTS.classes.length;
  const uRows = WEIGHTS.u as Record<string, Row>;
  const fRows = WEIGHTS.f as Record<string, Row>;
  const bRows = WEIGHTS.b as Record<string, Record<string, Row>>;
  const ids = new Map<string, number>();
  const idOf = (token: string): number => {
    const known = ids.get(token);
    if (known !== undefined) return known;
    ids.set(token, ids.size);
    return ids.size - 1;
  };
  for (const o of [uRows, fRows, bRows]) for (const token of Object.keys(o)) idOf(token);
  for (const first of Object.keys(bRows)) for (const token of Object.keys(bRows[first])) idOf(token);
  const N = ids.size;
  const u = new Float64Array(N * K);
  const f = new Float64Array(N * K);
  const hasU = new Uint8Array(N);
  const put = (into: Float64Array, at: number, row: Row) => {
    for (let k = 0; k < K; k++) into[at * K + k] = row[k];
  };
  for (const [token, row] of Object.entries(uRows)) {
    put(u, idOf(token), row);
    hasU[idOf(token)] = 1;
  }
  for (const [token, row] of Object.entries(fRows)) put(f, idOf(token), row);
  const pairs = new Map<number, number>();
  const pairRows: Row[] = [];
  for (const [first, next] of Object.entries(bRows))
    for (const [token, row] of Object.entries(next)) {
      pairs.set(idOf(first) * N + idOf(token), pairRows.length);
      pairRows.push(row);
    }
  const b = new Float64Array(pairRows.length * K);
  for (let i = 0; i < pairRows.length; i++) put(b, i, pairRows[i]);
  // A plural reads as its stem (tokenOf): "reports" finds "report" without cutting the word.
  for (const [token, id] of [...ids]) {
    const plural = `${token}s`;
    if (/^[a-z]/.test(token) && tokenOf(plural) === token && !ids.has(plural)) ids.set(plural, id);
  }
  tables = {
    ids,
    u,
    f,
    hasU,
    pairs,
    b,
    tokens: N,
    n: new Map(Object.entries(WEIGHTS.n as Record<string, Row>)),
    classes: WEIGHTS.classes,
    bias: WEIGHTS.bias,
    step: WEIGHTS.step,
  };
  return tables;
}

export interface WordReading {
  /** The class the words point to (one of STATEMENT_KINDS). */
  readonly kind: string;
  /** How sure: the model's probability for that class. */
  readonly probability: number;
}

/** One scratch row of class scores, reused: the custom functions read a statement per cell. */
let scores = new Float64Array(0);

function addRow(from: Float64Array, row: number): void {
  const at = row * scores.length;
  for (let k = 0; k < scores.length; k++) scores[k] += from[at + k];
}

/** A word's token number (tokenOf, then the model's number for it), or -1 when the model does not know it. */
function idOf(t: Tables, word: string): number {
  const c = word.charCodeAt(0);
  const id = t.ids.get(c >= 97 && c <= 122 ? word : tokenOf(word));
  return id === undefined ? -1 : id;
}

/**
 * The last statement read, its words and each word's token number (the first `words.length` of `ids`): a verdict the
 * words decide then names its cue (wordCue) from them, without reading the statement a second time.
 */
const last: { lower: string; words: string[]; ids: Int32Array } = {
  lower: '',
  words: [],
  ids: new Int32Array(64),
};

function read(lower: string, t: Tables): typeof last {
  if (last.lower === lower && lower !== '') return last;
  const words = statementWords(lower);
  // One buffer for every statement, grown when a longer one comes: a cell's read allocates no numbers.
  if (last.ids.length < words.length) last.ids = new Int32Array(words.length * 2);
  for (let i = 0; i < words.length; i++) last.ids[i] = idOf(t, words[i]);
  last.lower = lower;
  last.words = words;
  return last;
}

/** The weight of the pair `first` `second` (token numbers) for class `k`, 0 when the model has none. */
function pairWeight(t: Tables, first: number, second: number, k: number): number {
  if (first < 0 || second < 0) return 0;
  const row = t.pairs.get(first * t.tokens + second);
  return row === undefined ? 0 : t.b[row * t.classes.length + k];
}

/** Reads a statement (lower case, misspellings read) with the word model. */
export function readByWords(lower: string): WordReading {
  const t = tablesOf();
  const K = t.classes.length;
  if (scores.length !== K) scores = new Float64Array(K);
  for (let k = 0; k < K; k++) scores[k] = t.bias[k];
  const { words, ids } = read(lower, t);
  let known = 0;
  for (let i = 0; i < words.length; i++) {
    const id = ids[i];
    if (id < 0) continue;
    if (i > 0 && ids[i - 1] >= 0) {
      const row = t.pairs.get(ids[i - 1] * t.tokens + id);
      if (row !== undefined) addRow(t.b, row);
    }
    if (t.hasU[id] === 1) {
      // A lone letter ("x", a placeholder) is not a word the model knows, even where it has a weight ("3 x").
      if (!isLoneLetter(words[i])) known++;
      addRow(t.u, id);
    }
    if (i === 0) addRow(t.f, id);
  }
  const band = t.n.get(lengthBand(words.length));
  if (band !== undefined) for (let k = 0; k < K; k++) scores[k] += band[k];
  let best = 0;
  for (let k = 1; k < K; k++) if (scores[k] > scores[best]) best = k;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += Math.exp((scores[k] - scores[best]) * t.step);
  // A statement none of whose words the model knows ("x", "tbd") is read by its length alone: never sure.
  return { kind: t.classes[best], probability: known === 0 ? 0 : 1 / sum };
}

/** Words that weigh but say nothing a CSM can act on: never quoted as what decided a verdict. */
const NOT_A_CUE = new Set(
  'a an the is are was were be been it its we our they their them us to of in on at for and or with by as this that so from s'.split(
    ' ',
  ),
);

/** A single letter: a placeholder or part of "3 x", never a word the model can be sure of. */
function isLoneLetter(word: string): boolean {
  const c = word.charCodeAt(0);
  return word.length === 1 && c >= 97 && c <= 122;
}

/** A word a CSM can act on: it starts with a letter, is not a lone letter ("w" of "w/") and is not a stopword. */
function isCueWord(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 97 && c <= 122 && !isLoneLetter(word) && !NOT_A_CUE.has(word);
}

/** The statement's own word (or two) that weighed most for a class, in lower case: what decided a word verdict. */
export function wordCue(lower: string, kind: string): string {
  const t = tablesOf();
  const { words, ids } = read(lower, t);
  const K = t.classes.length;
  const k = t.classes.indexOf(kind);
  let top = 0;
  let at = -1;
  let pair = false;
  for (let i = 0; i < words.length; i++) {
    if (!isCueWord(words[i])) continue;
    const w = ids[i] >= 0 && t.hasU[ids[i]] === 1 ? t.u[ids[i] * K + k] : 0;
    if (w > top) [top, at, pair] = [w, i, false];
    const p = i > 0 && isCueWord(words[i - 1]) ? pairWeight(t, ids[i - 1], ids[i], k) : 0;
    if (p > top) [top, at, pair] = [p, i, true];
  }
  if (at < 0) return '';
  return pair ? `${words[at - 1]} ${words[at]}` : words[at];
}
