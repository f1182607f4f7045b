// The judge's word model (docs/rules.md §3, "The word model"): a linear model over a statement's words and pairs of
// words (statementFeatures.ts), trained on the labelled corpus by scripts/trainJudge.ts into statementWeights.json.
// It reads what the rules' word lists miss — adoption, sentiment and feature names in words nobody listed — and says
// which of its words weighed most, so a verdict it decides still names the words that decided it.
import { lengthBand, statementWords, tokenOf } from './statementFeatures';
import WEIGHTS from './statementWeights.json';

type Row = readonly number[];
/** All the model knows of one token: its weight as a word, as the first word, and as the first of a pair. */
interface Entry {
  readonly u: Row | undefined;
  readonly f: Row | undefined;
  readonly next: ReadonlyMap<string, Row> | undefined;
}
interface Tables {
  /** One lookup a token: the pair weights hang off the previous token's entry. */
  readonly entries: ReadonlyMap<string, Entry>;
  readonly n: ReadonlyMap<string, Row>;
  readonly classes: readonly string[];
  readonly bias: Row;
  readonly step: number;
}

/**
 * Maps, not the JSON objects: a statement's word may be "constructor" or "__proto__". Built on first use (under a
 * millisecond), so a custom function that never judges a statement never pays for it.
 */
let tables: Tables | null = null;
function tablesOf(): Tables {
  if (tables) return tables;
  const map = (o: Record<string, Row>) => new Map(Object.entries(o));
  const pairs = WEIGHTS.b as Record<string, Record<string, Row>>;
  const u = map(WEIGHTS.u);
  const f = map(WEIGHTS.f);
  const b = new Map(Object.keys(pairs).map((k) => [k, map(pairs[k])]));
  const entries = new Map<string, Entry>();
  for (const token of new Set([...u.keys(), ...f.keys(), ...b.keys()]))
    entries.set(token, { u: u.get(token), f: f.get(token), next: b.get(token) });
  tables = {
    entries,
    n: map(WEIGHTS.n),
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

function addRow(w: Row | undefined): void {
  if (w !== undefined) for (let k = 0; k < scores.length; k++) scores[k] += w[k];
}

/**
 * The last statement read, its words and each word's entry: a verdict the words decide then names its cue
 * (wordCue) from them, without reading the statement a second time.
 */
let last: { lower: string; words: string[]; tokens: string[]; entries: (Entry | undefined)[] } = {
  lower: '',
  words: [],
  tokens: [],
  entries: [],
};

function read(lower: string, t: Tables): typeof last {
  if (last.lower === lower && lower !== '') return last;
  const words = statementWords(lower);
  const tokens: string[] = new Array(words.length);
  const entries: (Entry | undefined)[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    tokens[i] = tokenOf(words[i]);
    entries[i] = t.entries.get(tokens[i]);
  }
  last = { lower, words, tokens, entries };
  return last;
}

/** Reads a statement (lower case, misspellings read) with the word model. */
export function readByWords(lower: string): WordReading {
  const t = tablesOf();
  const K = t.classes.length;
  if (scores.length !== K) scores = new Float64Array(K);
  for (let k = 0; k < K; k++) scores[k] = t.bias[k];
  const { words, tokens, entries } = read(lower, t);
  let prev: Entry | undefined;
  let known = 0;
  for (let i = 0; i < words.length; i++) {
    const token = tokens[i];
    const entry = entries[i];
    if (prev?.next !== undefined) addRow(prev.next.get(token));
    if (entry !== undefined) {
      // A lone letter ("x", a placeholder) is not a word the model knows, even where it has a weight ("3 x").
      if (entry.u !== undefined && !isLoneLetter(words[i])) known++;
      addRow(entry.u);
      if (i === 0) addRow(entry.f);
    }
    prev = entry;
  }
  addRow(t.n.get(lengthBand(words.length)));
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

/** A word a CSM can act on: it starts with a letter and is not a stopword. */
function isCueWord(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 97 && c <= 122 && !NOT_A_CUE.has(word);
}

/** The statement's own word (or two) that weighed most for a class, in lower case: what decided a word verdict. */
export function wordCue(lower: string, kind: string): string {
  const t = tablesOf();
  const { words, tokens, entries } = read(lower, t);
  const k = t.classes.indexOf(kind);
  let top = 0;
  let at = -1;
  let pair = false;
  for (let i = 0; i < tokens.length; i++) {
    if (!isCueWord(words[i])) continue;
    const w = entries[i]?.u?.[k] ?? 0;
    if (w > top) [top, at, pair] = [w, i, false];
    const p = i > 0 && isCueWord(words[i - 1]) ? (entries[i - 1]?.next?.get(tokens[i])?.[k] ?? 0) : 0;
    if (p > top) [top, at, pair] = [p, i, true];
  }
  if (at < 0) return '';
  return pair ? `${words[at - 1]} ${words[at]}` : words[at];
}
