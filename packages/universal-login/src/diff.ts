/**
 * A line diff for the dry run: what a deployment would change, in the `-`/`+` form of `diff -u`
 * without hunk headers. Longest common subsequence over lines; the inputs are small (a partial is at
 * most 10,000 characters), so the quadratic table is cheap.
 */
export function lineDiff(before: string, after: string): string {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      (table[i] as Uint32Array)[j] = a[i] === b[j] ? (table[i + 1] as Uint32Array)[j + 1]! + 1 : Math.max((table[i + 1] as Uint32Array)[j]!, (table[i] as Uint32Array)[j + 1]!);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push('  ' + a[i]);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || (table[i] as Uint32Array)[j + 1]! >= (table[i + 1] as Uint32Array)[j]!)) {
      lines.push('+ ' + b[j]);
      j++;
    } else {
      lines.push('- ' + a[i]);
      i++;
    }
  }
  return lines.join('\n');
}
