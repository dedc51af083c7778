/** JCD: the paper's manifest (src/claims/paper.ts). */
import { definePaper } from '../../src/claims/paper.ts';
import { asymmetricFactorization } from '../../src/gd/factorization.ts';
import { jcdFig1 } from './experiments/fig-1.ts';
import { jcdFig2 } from './experiments/fig-2.ts';
import { jcdFig3 } from './experiments/fig-3.ts';

export const paper = definePaper({
  id: 'JCD',
  prefix: 'jcd',
  authors: 'Liwei Jiang, Yudong Chen, Lijun Ding',
  title: 'Algorithmic Regularization in Model-free Overparametrized Asymmetric Matrix Factorization',
  venue: 'preprint (arXiv 2022; later SIAM J. Math. Data Sci. 5(3), 2023)',
  // Which arXiv version the text copy is, the copy does not say.
  references: [{ label: 'arXiv:2203.02839', url: 'https://arxiv.org/abs/2203.02839' }],
  textCopies: [{ file: '003_f03f724dc8b3ed59.txt', holds: 'the main text, Theorem A.1, Propositions B.1–B.5, Lemmas C.1–C.10' }],
  objectives: [asymmetricFactorization],
  experiments: [jcdFig1, jcdFig2, jcdFig3],
});
