// The order test files start in. Each browser file spends much of its time waiting on the
// workbench's clock, so a browser file is paired with a busy one: the two workers keep both cores
// at work. Within each kind vitest's own order holds (longest first from the last run's timings;
// on a fresh clone, largest first).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isBrowser = (spec: TestSpecification) => /[\\/]test[\\/]browser[\\/]/.test(spec.moduleId);

export default class PairBrowserFiles extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const browser = ordered.filter(isBrowser);
    const other = ordered.filter((spec) => !isBrowser(spec));
    const paired: TestSpecification[] = [];
    while (browser.length || other.length) {
      const next = browser.shift();
      if (next) paired.push(next);
      const busy = other.shift();
      if (busy) paired.push(busy);
    }
    return paired;
  }
}
