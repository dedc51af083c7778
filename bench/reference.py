"""NumPy reference timings for bench/gd.ts: the GD step and the diagnostics, single-threaded.

Reads {"jobs": [{"kind": "step", "m", "n", "k"} | {"kind": "diagnostics", "m", "n", "d"}, ...],
"minBatchMs", "batches"} on stdin, writes {"numpy": version, "us": [µs per call, one per job]} on stdout.
Timing as in bench/timing.ts: warm up, find a batch of at least minBatchMs, median of the batches.
The caller sets OMP/OPENBLAS/MKL_NUM_THREADS=1.
"""
import json
import sys
import time

import numpy as np


def median_micros(fn, min_batch_ms, batches):
    def batch(reps):
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        return (time.perf_counter() - t0) * 1000

    reps = 1
    t = batch(reps)
    while t < min_batch_ms:
        reps = max(2 * reps, int(1.2 * reps * min_batch_ms / max(t, 1e-3)) + 1)
        t = batch(reps)
    times = sorted(1000 * batch(reps) / reps for _ in range(batches))
    return times[len(times) // 2]


def gd_step(m, n, k, rng):
    S = rng.standard_normal((m, n))
    U = 0.01 * rng.standard_normal((m, k))
    V = 0.01 * rng.standard_normal((n, k))
    R = np.empty((m, n))
    G = np.empty((m, k))
    H = np.empty((n, k))
    eta = 1e-3

    def step():
        np.matmul(U, V.T, out=R)
        np.subtract(S, R, out=R)
        np.matmul(R, V, out=G)
        np.matmul(R.T, U, out=H)
        np.multiply(G, eta, out=G)
        np.multiply(H, eta, out=H)
        np.add(U, G, out=U)
        np.add(V, H, out=V)

    return step


def diagnostics(m, n, d, rng):
    S = np.zeros((m, n))
    S[range(d), range(d)] = np.linspace(2.0, 1.0, d)
    U = 0.1 * rng.standard_normal((m, d))
    V = 0.1 * rng.standard_normal((n, d))

    def diag():
        R = S - U @ V.T
        loss = 0.5 * np.vdot(R, R)
        A = (U[:d] + V[:d]) / 2
        B = (U[:d] - V[:d]) / 2
        P = S[:d, :d] - A @ A.T + B @ B.T
        sigma_min_a = np.linalg.svd(A, compute_uv=False)[-1]
        ev = np.linalg.eigvalsh(P)
        norm_p = max(abs(ev[0]), abs(ev[-1]))
        frob_b = np.linalg.norm(B)
        norm_j = np.linalg.norm(U[d:], 2) if m > d else 0.0
        norm_k = np.linalg.norm(V[d:], 2) if n > d else 0.0
        return loss, sigma_min_a, ev[0], norm_p, frob_b, norm_j, norm_k

    return diag


def main():
    req = json.load(sys.stdin)
    rng = np.random.default_rng(1)
    ms, b = req["minBatchMs"], req["batches"]
    us = []
    for job in req["jobs"]:
        if job["kind"] == "step":
            fn = gd_step(job["m"], job["n"], job["k"], rng)
        else:
            fn = diagnostics(job["m"], job["n"], job["d"], rng)
        us.append(median_micros(fn, ms, b))
    json.dump({"numpy": np.__version__, "us": us}, sys.stdout)


main()
