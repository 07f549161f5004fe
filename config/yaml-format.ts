/** Writing config files back the way their authors wrote them (adopt --write). */

/** A line without the padding inside flow brackets, which `yaml` re-emits its own way. */
function bare(line: string): string {
  return line.replace(/([[{])\s+/g, '$1').replace(/\s+([\]}])/g, '$1');
}

/**
 * `yaml` re-emits flow collections with one padding style for all of them
 * (`[ a, b ]`); put back the user's own spelling of every line that differs
 * from an original line only in that padding.
 */
export function keepLineFormatting(original: string, emitted: string): string {
  const originals = new Map<string, string>();
  for (const line of original.split('\n')) originals.set(bare(line), line);
  return emitted
    .split('\n')
    .map((line) => originals.get(bare(line)) ?? line)
    .join('\n');
}
