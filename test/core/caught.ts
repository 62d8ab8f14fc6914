import { AssembledError } from '../../src/core/assembled';

/** The AssembledError `fn` throws; fails the test when it throws nothing or something else. */
export function caught(fn: () => unknown): AssembledError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AssembledError) return e;
    throw e;
  }
  throw new Error('expected an AssembledError');
}
