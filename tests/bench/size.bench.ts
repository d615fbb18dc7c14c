/** Bundle size in the bench, when dist/index.html exists. */
import { registerSuite } from './metrics.ts';
import { BundleMissingError, measureBundle } from './size.ts';

registerSuite({
  name: 'size',
  description: 'raw and gzip size of the single-file build',
  async run() {
    try {
      return { metrics: measureBundle() };
    } catch (e) {
      if (e instanceof BundleMissingError) return { metrics: [], notes: ['skipped: dist/index.html missing (run npm run build first)'] };
      throw e;
    }
  },
});
