// Misspellings of the judge's deciding words (docs/rules.md §3): a word one insertion, deletion or neighbour swap from a
// TYPO_VOCABULARY word is read as it. Pure: the word model flags them as it reads a statement (statementModel.ts), and
// the judge reads them as meant (measurable.ts, withSpellingRead).
import { TYPO_VOCABULARY } from './statementVocabulary';

/**
 * Every misspelling one edit from a vocabulary word, mapped to the word: built on first use (about 2 ms; a custom
 * function that never judges a statement never pays it). No substitutions: "adapted" is not "adopted".
 */
let misspelt: ReadonlyMap<string, string> | null = null;
export function misspellings(): ReadonlyMap<string, string> {
  misspelt ??= build();
  return misspelt;
}

function build(): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  // Real words one edit from a vocabulary word stay themselves.
  const known = new Set<string>([...TYPO_VOCABULARY, 'activate', 'excite', 'impress', 'delight']);
  const add = (variant: string, word: string) => {
    if (variant.length >= 5 && !known.has(variant) && !out.has(variant)) out.set(variant, word);
  };
  for (const w of TYPO_VOCABULARY) {
    for (let i = 0; i < w.length; i++) add(w.slice(0, i) + w.slice(i + 1), w);
    for (let i = 0; i + 1 < w.length; i++) add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2), w);
    for (let i = 0; i <= w.length; i++)
      for (let c = 97; c <= 122; c++) add(w.slice(0, i) + String.fromCharCode(c) + w.slice(i), w);
  }
  return out;
}
