/**
 * The delimiter of a CSV file from its header line: the candidate found most often outside quotes
 * (the first candidate on a tie, so a one-column file reads as comma-separated).
 */
export function sniffDelimiter(text: string, candidates: readonly string[] = [',', ';']): string {
  const counts = new Map(candidates.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = candidates[0]!;
  for (const [candidate, count] of counts) if (count > counts.get(best)!) best = candidate;
  return best;
}
