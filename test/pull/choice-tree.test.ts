import { describe, expect, it } from 'vitest';
import { choiceTree } from '../../src/core/pull/choice-tree';

const c = (id: string, parent?: string) => ({ id, name: id.toUpperCase(), ...(parent ? { parent } : {}) });
const shape = (list: ReturnType<typeof choiceTree>) =>
  list.map((n) => `${n.depth}:${n.choice.id}<${n.below}>`);

describe('choiceTree', () => {
  it('puts each choice under its parent, siblings in the order given, and knows all below a node', () => {
    const tree = choiceTree([c('b', 's'), c('q'), c('s'), c('a', 's'), c('x', 'a')]);
    expect(shape(tree)).toEqual(['0:q<>', '0:s<b,a,x>', '1:b<>', '1:a<x>', '2:x<>']);
  });

  it('keeps at the top a choice whose parent is not listed, or is itself', () => {
    expect(shape(choiceTree([c('a', 'gone'), c('b', 'b')]))).toEqual(['0:a<>', '0:b<>']);
  });

  it('loses none of the choices caught in a loop of parents, and lists each once', () => {
    const tree = choiceTree([c('a', 'b'), c('b', 'a'), c('z')]);
    expect(tree.map((n) => n.choice.id).sort()).toEqual(['a', 'b', 'z']);
    expect(shape(tree)).toEqual(['0:z<>', '0:a<b>', '1:b<>']);
  });
});
