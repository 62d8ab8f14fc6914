// gas-local ships no types; only the loader is used.
declare module 'gas-local' {
  import type { Context } from 'node:vm';

  const gas: {
    require(
      folderPath: string,
      globalObject?: object,
      options?: { filter?: (file: string) => boolean },
    ): Context;
  };
  export default gas;
}
