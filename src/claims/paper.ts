import type { AnyExperiment } from '../experiments/experiment.ts';
import type { AnyObjective } from '../gd/objective.ts';

/**
 * A paper the suite checks, as its folder declares it (lemmas/<folder>/paper.ts): the id its claims
 * name in `source.paper`, the prefix of their ids, the citation, and the text copies the claims quote.
 * The framework knows papers only through these manifests: adding a paper is adding a folder with a
 * manifest and its claims.
 */
export interface PaperManifest {
  readonly kind: 'paper';
  /** What claims give as `source.paper` and `check --paper` selects, e.g. 'YD21'. */
  readonly id: string;
  /** Every claim id of the paper starts with `${prefix}.`, e.g. 'yd21'. */
  readonly prefix: string;
  readonly authors: string;
  readonly title: string;
  /** Where it appeared (venue and year, or "preprint"). */
  readonly venue: string;
  /** Stable references (an arXiv id, a proceedings page), each with its URL. */
  readonly references: ReadonlyArray<{ readonly label: string; readonly url: string }>;
  /** The text copies in shared/papers/ (by file name, a hash of their content) and what each holds. */
  readonly textCopies: ReadonlyArray<{ readonly file: string; readonly holds: string }>;
  /** The paper's figures to reproduce (`reproduce <id>`; the experiments registry is built from these). */
  readonly experiments: ReadonlyArray<AnyExperiment>;
  /** The objectives its claims minimise (what `trajectory --input` can run: the file's "objective" names one by id). */
  readonly objectives: ReadonlyArray<AnyObjective>;
}

const PREFIX = /^[a-z][a-z0-9]*$/;

export function definePaper(
  p: Omit<PaperManifest, 'kind' | 'experiments' | 'objectives' | 'references'> & {
    readonly references?: PaperManifest['references'];
    readonly experiments?: ReadonlyArray<AnyExperiment>;
    readonly objectives?: ReadonlyArray<AnyObjective>;
  },
): PaperManifest {
  if (!PREFIX.test(p.prefix)) throw new Error(`paper ${p.id}: the id prefix '${p.prefix}' must be lower-case letters and digits`);
  return { kind: 'paper', experiments: [], objectives: [], references: [], ...p };
}

export function isPaper(v: unknown): v is PaperManifest {
  return typeof v === 'object' && v !== null && (v as PaperManifest).kind === 'paper' && typeof (v as PaperManifest).prefix === 'string';
}

/** The paper prefix of a claim id ('yd21' of 'yd21.eq-12.p-update'). */
export function idPrefix(id: string): string {
  return id.slice(0, id.indexOf('.'));
}
