/**
 * The reproduce targets by id (what `reproduce` and the worker threads look up): the experiments
 * each paper's manifest lists (lemmas/<paper>/paper.ts), in the order of the papers' folders.
 */
import { loadPapers } from '../claims/registry.ts';
import type { AnyExperiment } from './experiment.ts';

export async function loadExperiments(): Promise<AnyExperiment[]> {
  return (await loadPapers()).flatMap((p) => p.experiments);
}

export async function experimentById(id: string): Promise<AnyExperiment | undefined> {
  return (await loadExperiments()).find((e) => e.id === id);
}
