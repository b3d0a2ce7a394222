// Names in a sentence: "a", "a and b", "a, b and c" (messages name what they are about).

export function joinWithAnd(words: string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
