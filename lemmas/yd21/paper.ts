/** YD21: the paper's manifest (src/claims/paper.ts). */
import { definePaper } from '../../src/claims/paper.ts';
import { asymmetricFactorization } from '../../src/gd/factorization.ts';
import { yd21Thm11 } from './experiments/thm-1.1.ts';

export const paper = definePaper({
  id: 'YD21',
  prefix: 'yd21',
  authors: 'Tian Ye, Simon S. Du',
  title: 'Global Convergence of Gradient Descent for Asymmetric Low-Rank Matrix Factorization',
  venue: 'NeurIPS 2021',
  references: [
    { label: 'arXiv:2106.14289', url: 'https://arxiv.org/abs/2106.14289' },
    { label: 'NeurIPS 2021 proceedings', url: 'https://papers.neurips.cc/paper/2021/hash/0af854284f4ab0cfea8fcfd889cbb41a-Abstract.html' },
  ],
  textCopies: [
    { file: '000_dc30b0f145ddd771.txt', holds: 'the NeurIPS main text, equations (1)–(19)' },
    { file: '001_2add9dcf1d914a94.txt', holds: 'the preprint with the appendices A–F, equations (20)–(34)' },
    { file: '002_b60ca84dfdec9f16.txt', holds: 'the OpenReview page (abstract)' },
  ],
  objectives: [asymmetricFactorization],
  experiments: [yd21Thm11],
});
