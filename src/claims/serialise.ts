/**
 * Instances as JSON: a Mat becomes { "matrix": number[][] } so a counterexample can be read by a
 * person and loaded back. Numbers are written with full precision (JSON round-trips doubles).
 */
import { fromRows, type Mat, toRows, zeros } from '../linalg/dense.ts';

function isMat(v: unknown): v is Mat {
  return typeof v === 'object' && v !== null && (v as Mat).data instanceof Float64Array && 'rows' in v;
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A JSON value for an instance (matrices as rows). Non-finite numbers become strings. */
export function toJson(v: unknown): Json {
  // An empty matrix keeps its shape (a 0×3 block J must not come back as 0×0).
  if (isMat(v))
    return v.rows === 0 || v.cols === 0 ? { matrix: [], rows: v.rows, cols: v.cols } : { matrix: toRows(v).map((r) => r.map((x) => toJson(x) as number)) };
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object' && v !== undefined) return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, toJson(x)]));
  return null;
}

/** The inverse of toJson for matrices. */
export function fromJson(v: Json): unknown {
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object' && v !== null) {
    if ('matrix' in v && Array.isArray(v.matrix)) {
      if (v.matrix.length === 0 && typeof v.rows === 'number' && typeof v.cols === 'number') return zeros(v.rows, v.cols);
      return fromRows(v.matrix as number[][]) satisfies Mat;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  }
  return v;
}
