/** Highlight colours, each with a name so colour is never the only thing that tells them apart. */
export const HIGHLIGHT_COLORS = [
  { id: 'yellow', label: 'Important' },
  { id: 'green', label: 'Agree' },
  { id: 'blue', label: 'Question' },
  { id: 'pink', label: 'Disagree' },
] as const;

export function colorLabel(id: string): string {
  return HIGHLIGHT_COLORS.find((c) => c.id === id)?.label ?? id;
}
