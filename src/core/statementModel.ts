// The judge's word model (docs/rules.md §3, "The word model"): a linear model over a statement's words and pairs of
// words (statementFeatures.ts), trained on the labelled corpus by scripts/trainJudge.ts into statementWeights.json.
// It reads what the rules' word lists miss — adoption, sentiment and feature names in words nobody listed — and says
// which of its words weighed most, so a verdict it decides still names the words that decided it.
import { misspellings } from './spelling';
import { lengthBand, tokenOf } from './statementFeatures';
import { SENTIMENT_METRIC_WORDS } from './statementVocabulary';
import WEIGHTS from './statementWeights.json';

type Row = readonly number[];

/** A lower-case letter a–z, or a digit, by character code: the model's words are runs of one or the other. */
const isLetter = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The weights as flat rows of class scores, one row per token the model knows, found by the token's number: a
 * statement's words are looked up once each, and a pair of words is one lookup by two numbers, not a second string.
 */
interface Tables {
  /**
   * Each word's token number, under its own spelling and (a word the stem shortens) its plural ("report", "reports"),
   * and the word's WORD_SIGN bits, packed by packWord: read finds them with one lookup, hashing the word's letters as it
   * scans them (WordTable), so no word is cut out of the statement to be looked up.
   */
  readonly words: WordTable;
  /** Every misspelling of a deciding word (spelling.ts): read looks up a word the model does not know among them. */
  readonly misspelt: ReadonlyMap<string, string>;
  /** The token numbers of a number, "%", money and an arrow (tokenOf), -1 where the model has none. */
  readonly number: number;
  readonly percent: number;
  readonly money: number;
  readonly arrow: number;
  /** Row `id` of `u`, `f`: the token's weight as a word and as the first word; `hasU` says it has one as a word. */
  readonly u: Float64Array;
  readonly f: Float64Array;
  readonly hasU: Uint8Array;
  /** A pair's row in `b`, keyed `first × tokens + second`. */
  readonly pairs: PairTable;
  readonly b: Float64Array;
  readonly tokens: number;
  readonly n: ReadonlyMap<string, Row>;
  readonly classes: readonly string[];
  readonly bias: Row;
  readonly step: number;
}

/** FNV-1a over a word's letters, one step per letter: read hashes a word as it finds where it ends. */
const HASH_SEED = 0x811c9dc5;
const hashStep = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);

/** The smallest power of two with room for `n` entries at most a quarter full: a probe rarely passes a second slot. */
const slotsFor = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(4, n * 4)));

/**
 * Words and their values in open addressing over typed arrays: a lookup compares a slice of the statement with the
 * stored letters in place. A Map would need each word cut out of the statement as a new string and hashed again — a
 * string and its garbage per word, on every cell of a column (the custom functions read a statement per cell).
 */
class WordTable {
  private readonly slots: Int32Array;
  private readonly starts: Int32Array;
  private readonly values: Int32Array;
  private readonly letters: string;
  constructor(entries: ReadonlyMap<string, number>) {
    this.slots = new Int32Array(slotsFor(entries.size)).fill(-1);
    this.starts = new Int32Array(entries.size + 1);
    this.values = new Int32Array(entries.size);
    let letters = '';
    let e = 0;
    for (const [word, value] of entries) {
      this.starts[e] = letters.length;
      this.values[e] = value;
      letters += word;
      let h = HASH_SEED;
      for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
      let at = h & (this.slots.length - 1);
      while (this.slots[at] >= 0) at = (at + 1) & (this.slots.length - 1);
      this.slots[at] = e++;
    }
    this.starts[e] = letters.length;
    this.letters = letters;
  }
  /** The value of `text.slice(from, to)`, whose letters hash to `hash` (hashStep from HASH_SEED); -1 when unknown. */
  get(text: string, from: number, to: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const e = this.slots[at];
      if (e < 0) return -1;
      const start = this.starts[e];
      if (this.starts[e + 1] - start !== to - from) continue;
      let i = 0;
      while (i < to - from && this.letters.charCodeAt(start + i) === text.charCodeAt(from + i)) i++;
      if (i === to - from) return this.values[e];
    }
  }
}

/** Pairs' rows by their non-negative integer key, in open addressing over typed arrays (WordTable says why). */
class PairTable {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  constructor(entries: ReadonlyMap<number, number>) {
    this.keys = new Int32Array(slotsFor(entries.size)).fill(-1);
    this.rows = new Int32Array(this.keys.length);
    for (const [key, row] of entries) {
      let at = PairTable.slot(key, this.keys.length);
      while (this.keys[at] >= 0) at = (at + 1) & (this.keys.length - 1);
      this.keys[at] = key;
      this.rows[at] = row;
    }
  }
  private static slot(key: number, size: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 0) & (size - 1);
  }
  /** The row of `key`, -1 when the model has no such pair. */
  get(key: number): number {
    for (let at = PairTable.slot(key, this.keys.length); ; at = (at + 1) & (this.keys.length - 1)) {
      const k = this.keys[at];
      if (k === key) return this.rows[at];
      if (k < 0) return -1;
    }
  }
}

/**
 * What the judge reads of a line's words beyond the model's weights, from the same scan (signsOf): a word that is a
 * misspelling of a deciding word (spelling.ts), a sentiment score's name (SENTIMENT_METRIC_WORDS). Every word the
 * judge's own test could find carries its sign (read sees every run of letters), so a line without the sign is not
 * searched again: withSpellingRead and wordsSureEnough run their patterns only where it is set.
 */
export const WORD_SIGN = { misspelt: 1, sentimentScore: 2 } as const;

/** A word's entry: its token number (-1: the model has none), whether a CSM can act on it (isCueWord), its signs. */
const packWord = (id: number, cue: boolean, signs: number) => ((id + 1) << 3) | (signs << 1) | (cue ? 1 : 0);

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
    if (isLetter(token.charCodeAt(0)) && tokenOf(plural) === token && !ids.has(plural)) ids.set(plural, id);
  }
  const special = (token: string) => ids.get(token) ?? -1;
  // A word the model does not know is looked up among the misspellings as read meets it; the model's own words, and
  // a sentiment score's names, carry their signs here.
  const misspelt = misspellings();
  const signsOfWord = (word: string) =>
    (misspelt.has(word) ? WORD_SIGN.misspelt : 0) |
    ((SENTIMENT_METRIC_WORDS as readonly string[]).includes(word) ? WORD_SIGN.sentimentScore : 0);
  const words = new Map<string, number>();
  for (const [word, id] of ids) words.set(word, packWord(id, isCueWord(word), signsOfWord(word)));
  for (const word of SENTIMENT_METRIC_WORDS)
    if (!ids.has(word)) words.set(word, packWord(-1, false, signsOfWord(word)));
  tables = {
    words: new WordTable(words),
    misspelt,
    number: special('#'),
    percent: special('%'),
    money: special('$'),
    arrow: special('->'),
    u,
    f,
    hasU,
    pairs: new PairTable(pairs),
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

/**
 * The last statement read: where each of its words stands (`starts`, `ends`), its token number (`ids`, -1 for a word
 * the model does not know), whether it is a word a CSM can act on (`cues`, isCueWord) and the row in `b` of the pair
 * it closes (`pairs`, -1 for none), the first `count` of each. A verdict the words decide then names its cue
 * (wordCue) from them without reading or looking anything up again.
 */
const last = {
  lower: '',
  count: 0,
  /** The WORD_SIGN bits of its words, together. */
  signs: 0,
  starts: new Int32Array(64),
  ends: new Int32Array(64),
  ids: new Int32Array(64),
  cues: new Uint8Array(64),
  pairs: new Int32Array(64),
};

function grown<A extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(a: A): A {
  const b = new (a.constructor as new (length: number) => A)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Reads `lower` into `last`, word by word as statementWords splits it (its TOKEN: a run of a–z, a number with its
 * separators, "%", a currency sign, an arrow), each word's token number as tokenOf reads it. A test checks on every
 * corpus statement that the model adds exactly the weights of the features the training reads.
 */
function read(lower: string, t: Tables): typeof last {
  if (last.lower === lower && lower !== '') return last;
  let n = 0;
  let signs = 0;
  for (let i = 0; i < lower.length; ) {
    const c = lower.charCodeAt(i);
    let end = i + 1;
    let id: number;
    let cue = 0;
    if (isLetter(c)) {
      let h = hashStep(HASH_SEED, c);
      for (; end < lower.length && isLetter(lower.charCodeAt(end)); end++)
        h = hashStep(h, lower.charCodeAt(end));
      const known = t.words.get(lower, i, end, h);
      if (known >= 0) {
        id = (known >> 3) - 1;
        cue = known & 1;
        signs |= (known >> 1) & 3;
      } else {
        id = -1;
        // Every misspelling has five letters or more (spelling.ts).
        if (end - i >= 5 && t.misspelt.has(lower.slice(i, end))) signs |= WORD_SIGN.misspelt;
      }
    } else if (isDigit(c)) {
      // Digits, then any run of a "." or "," followed by digits: "1,200.50" is one number.
      for (;;) {
        while (end < lower.length && isDigit(lower.charCodeAt(end))) end++;
        const sep = lower.charCodeAt(end);
        if ((sep === 46 || sep === 44) && isDigit(lower.charCodeAt(end + 1))) end += 2;
        else break;
      }
      id = t.number;
    } else if (c === 37) id = t.percent;
    else if (c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5) id = t.money;
    else if (c === 0x2192) id = t.arrow;
    else if (c === 45 && lower.charCodeAt(i + 1) === 62) {
      end = i + 2;
      id = t.arrow;
    } else {
      i++;
      continue;
    }
    if (n === last.ids.length) {
      last.starts = grown(last.starts);
      last.ends = grown(last.ends);
      last.ids = grown(last.ids);
      last.cues = grown(last.cues);
      last.pairs = grown(last.pairs);
    }
    const before = n > 0 ? last.ids[n - 1] : -1;
    last.starts[n] = i;
    last.ends[n] = end;
    last.ids[n] = id;
    last.cues[n] = cue;
    last.pairs[n] = before >= 0 && id >= 0 ? t.pairs.get(before * t.tokens + id) : -1;
    n++;
    i = end;
  }
  last.lower = lower;
  last.count = n;
  last.signs = signs;
  return last;
}

/** The WORD_SIGN bits of the words of `lower` (read as the model reads it; the judge's next read finds it read). */
export function signsOf(lower: string): number {
  return read(lower, tablesOf()).signs;
}

/** Reads a statement (lower case, misspellings read) with the word model. */
export function readByWords(lower: string): WordReading {
  const t = tablesOf();
  const K = t.classes.length;
  if (scores.length !== K) scores = new Float64Array(K);
  for (let k = 0; k < K; k++) scores[k] = t.bias[k];
  const { count, starts, ends, ids, pairs } = read(lower, t);
  let known = 0;
  for (let i = 0; i < count; i++) {
    const id = ids[i];
    if (id < 0) continue;
    if (pairs[i] >= 0) addRow(t.b, pairs[i]);
    if (t.hasU[id] === 1) {
      // A lone letter ("x", a placeholder) is not a word the model knows, even where it has a weight ("3 x").
      if (ends[i] - starts[i] > 1 || !isLetter(lower.charCodeAt(starts[i]))) known++;
      addRow(t.u, id);
    }
    if (i === 0) addRow(t.f, id);
  }
  const band = t.n.get(lengthBand(count));
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

/** A word a CSM can act on: it starts with a letter, is not a lone letter ("w" of "w/") and is not a stopword. */
function isCueWord(word: string): boolean {
  return word.length > 1 && isLetter(word.charCodeAt(0)) && !NOT_A_CUE.has(word);
}

/** The statement's own word (or two) that weighed most for a class, in lower case: what decided a word verdict. */
export function wordCue(lower: string, kind: string): string {
  const t = tablesOf();
  const { count, starts, ends, ids, cues, pairs } = read(lower, t);
  const K = t.classes.length;
  const k = t.classes.indexOf(kind);
  let top = 0;
  let at = -1;
  let pair = false;
  for (let i = 0; i < count; i++) {
    if (cues[i] === 0) continue;
    const id = ids[i];
    const w = t.hasU[id] === 1 ? t.u[id * K + k] : 0;
    if (w > top) [top, at, pair] = [w, i, false];
    const p = pairs[i] >= 0 && cues[i - 1] === 1 ? t.b[pairs[i] * K + k] : 0;
    if (p > top) [top, at, pair] = [p, i, true];
  }
  if (at < 0) return '';
  const word = lower.slice(starts[at], ends[at]);
  return pair ? `${lower.slice(starts[at - 1], ends[at - 1])} ${word}` : word;
}
