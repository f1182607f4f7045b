// The words a statement is made of, as the judge's word model reads them (docs/rules.md §3, "The word model"): its
// words, each pair of neighbouring words, its first word and how long it is. Pure: the custom functions, the sidebar
// and the training script (scripts/trainJudge.ts) all read a statement through these functions, so the model is
// trained on exactly what it is later asked about.

/** Digits, percentages, money and arrows stand for themselves as one token each ("#", "%", "$", "->"). */
const TOKEN = /[a-z]+|\d+(?:[.,]\d+)*|[%$€£¥→]|->/g;

/** A light stem: plural and third-person "s" off a word of five letters or more ("reports" → "report"). */
function stem(word: string): string {
  return word.length >= 5 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** One word as the model reads it. */
export function tokenOf(raw: string): string {
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) return '#';
  if (c >= 97 && c <= 122) return stem(raw);
  if (raw === '→' || raw === '->') return '->';
  return raw === '%' ? '%' : '$';
}

/** The statement's words, numbers and signs as written (lower case), one per token. */
export function statementWords(lower: string): string[] {
  return lower.match(TOKEN) ?? [];
}

/** The statement's tokens, as read by the model; `lower` is the statement in lower case, misspellings read. */
export function statementTokens(lower: string): string[] {
  return tokensOf(statementWords(lower));
}

/** Tokens for words already read (statementWords), one to one. */
export function tokensOf(words: readonly string[]): string[] {
  return words.map(tokenOf);
}

/** How long a statement is, in five bands: a name is short, a sentence is not. */
export function lengthBand(tokens: number): string {
  return tokens <= 2 ? '1-2' : tokens <= 4 ? '3-4' : tokens <= 7 ? '5-7' : tokens <= 12 ? '8-12' : '13+';
}

/**
 * The features of a statement, one per occurrence: `u:` a word, `b:` two neighbouring words, `f:` the first word,
 * `n:` its length band. The training script reads this list; the product adds the same weights without building it
 * (statementModel.ts).
 */
export function statementFeatures(lower: string): string[] {
  const tokens = statementTokens(lower);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    out.push(`u:${tokens[i]}`);
    if (i > 0) out.push(`b:${tokens[i - 1]} ${tokens[i]}`);
  }
  if (tokens.length > 0) out.push(`f:${tokens[0]}`);
  out.push(`n:${lengthBand(tokens.length)}`);
  return out;
}
