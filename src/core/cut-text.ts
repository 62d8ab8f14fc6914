// Text cut short to a length, marked as cut: what is kept in a record has a bound.

export function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
