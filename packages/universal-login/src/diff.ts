/**
 * A line diff for the dry run: what a deployment would change, in the `-`/`+` form of `diff -u`
 * without hunk headers. Longest common subsequence over lines; the inputs are small (a partial is at
 * most 10,000 characters), so the quadratic table is cheap.
 */
export function lineDiff(before: string, after: string): string {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  const width = b.length + 1;
  // common[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number): number => common[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) common[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push('  ' + a[i]);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || at(i, j + 1) >= at(i + 1, j))) {
      lines.push('+ ' + b[j]);
      j++;
    } else {
      lines.push('- ' + a[i]);
      i++;
    }
  }
  return lines.join('\n');
}
