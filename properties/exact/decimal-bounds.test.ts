/**
 * The operations of a bound in 60-digit decimals (src/exact/decimal-bounds.ts) on hand-computed
 * values: the norms, extreme eigen- and singular values, the inverse, and λ of a matrix symmetric only
 * up to rounding taken from its symmetric part.
 */
import { describe, expect, test } from 'vitest';
import { hpBoundOps as A } from '../../src/exact/decimal-bounds.ts';
import { fromRows } from '../../src/linalg/dense.ts';

const close = (x: { toNumber(): number }, v: number) => expect(Math.abs(x.toNumber() - v)).toBeLessThan(1e-40);

describe('hpBoundOps', () => {
  test('‖[3 4]‖_F = 5; ‖diag(3, −2)‖ = 3; σ_min([[3, 0, 0], [0, 2, 0]]) = 2', () => {
    close(A.frob(A.input(fromRows([[3, 4]]))), 5);
    close(
      A.opNorm(
        A.input(
          fromRows([
            [3, 0],
            [0, -2],
          ]),
        ),
      ),
      3,
    );
    close(
      A.sigmaMin(
        A.input(
          fromRows([
            [3, 0, 0],
            [0, 2, 0],
          ]),
        ),
      ),
      2,
    );
  });

  test('λ of [[2, 1], [1, 2]] are 1 and 3; of [[2, 1], [1.5, 2]] those of its symmetric part, 0.75 and 3.25', () => {
    const S = A.input(
      fromRows([
        [2, 1],
        [1, 2],
      ]),
    );
    close(A.lambdaMin(S), 1);
    close(A.lambdaMax(S), 3);
    const N = A.input(
      fromRows([
        [2, 1],
        [1.5, 2],
      ]),
    );
    close(A.lambdaMin(N), 0.75);
    close(A.lambdaMax(N), 3.25);
  });

  test('diag(2, 4)⁻¹ = diag(½, ¼); √(1/4) = ½, |−3| = 3', () => {
    const inv = A.inverse(
      A.input(
        fromRows([
          [2, 0],
          [0, 4],
        ]),
      ),
    );
    close(inv.data[0], 0.5);
    close(inv.data[3], 0.25);
    close(A.sqrt(A.constant(0.25)), 0.5);
    close(A.abs(A.constant(-3)), 3);
  });
});
