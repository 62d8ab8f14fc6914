// Teams, sites and queues form trees. A picker lists each under its parent, and ticking one ticks
// those under it too: whether Assembled's report filters take in sub-teams is not known, so the
// add-on names every one it means rather than leave it to the service.
import type { Choice } from './pull-view';

export interface ChoiceNode {
  choice: Choice;
  /** How many parents above it are in the list (0 for a top-level one). */
  depth: number;
  /** The ids of every choice under it, at any depth. */
  below: string[];
}

/** The choices depth-first, each parent before those under it, siblings in the order given. */
export function choiceTree(choices: readonly Choice[]): ChoiceNode[] {
  const ids = new Set(choices.map((c) => c.id));
  const children = new Map<string, Choice[]>();
  const roots: Choice[] = [];
  for (const c of choices) {
    // A parent not in the list (or a loop's way in) leaves the choice at the top.
    if (c.parent !== undefined && c.parent !== c.id && ids.has(c.parent)) {
      const list = children.get(c.parent) ?? [];
      list.push(c);
      children.set(c.parent, list);
    } else roots.push(c);
  }
  const out: ChoiceNode[] = [];
  const seen = new Set<string>();
  const visit = (choice: Choice, depth: number): string[] => {
    seen.add(choice.id);
    const node: ChoiceNode = { choice, depth, below: [] };
    out.push(node);
    for (const child of children.get(choice.id) ?? []) {
      if (!seen.has(child.id)) node.below.push(child.id, ...visit(child, depth + 1));
    }
    return node.below;
  };
  for (const root of roots) visit(root, 0);
  // Choices caught in a parent loop have no way in from the top: list them flat, not lose them.
  for (const c of choices) if (!seen.has(c.id)) visit(c, 0);
  return out;
}
