/** `text` cut to `max` characters, ending in `...` when cut: a value quoted in a message stays readable. */
export function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
