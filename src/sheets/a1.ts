// Column letters of A1 notation, for the formulas and ranges the product writes (and the local runtime reads).

/** 'A' for 1, 'Z' for 26, 'AA' for 27. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
