// StrykerJS (`npm run mutate[:area]`): one configuration for every area of mutation.areas.mjs, chosen
// by LEMMACHECK_MUTATE_AREA; the area's tests run through vitest.mutation.config.ts. Why the set-up
// is what it is, and the scores measured: docs/mutation.md.
import { mutationArea } from './mutation.areas.mjs';

const { name, area } = mutationArea();
const out = name === 'all' ? 'reports/mutation' : `reports/mutation/${name}`;

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: area.mutate,
  coverageAnalysis: 'perTest',
  ignoreStatic: false,
  disableTypeChecks: false,
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: name === 'all' ? '.stryker-tmp' : `.stryker-tmp-${name}`,
  cleanTempDir: true,
};
