/** String corruptions for property tests of check characters. */

/** `s` with the characters at `i` and `j` swapped (a transposition error). */
export function swapChars(s: string, i: number, j: number): string {
  const c = [...s];
  [c[i], c[j]] = [c[j] ?? '', c[i] ?? ''];
  return c.join('');
}

/** `s` with the character at `i` replaced by `c` (a substitution error). */
export function replaceChar(s: string, i: number, c: string): string {
  return s.slice(0, i) + c + s.slice(i + 1);
}
