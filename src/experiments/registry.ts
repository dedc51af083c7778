/** The reproduce targets by id (what `reproduce` and the worker threads look up). */
import type { AnyExperiment } from './experiment.ts';
import { jcdFig1 } from './jcd-fig1.ts';
import { jcdFig2 } from './jcd-fig2.ts';
import { jcdFig3 } from './jcd-fig3.ts';
import { yd21Thm11 } from './yd21-thm11.ts';

export const EXPERIMENTS: ReadonlyArray<AnyExperiment> = [jcdFig1, jcdFig2, jcdFig3, yd21Thm11];

export function experimentById(id: string): AnyExperiment | undefined {
  return EXPERIMENTS.find((e) => e.id === id);
}
