/**
 * Least squares of y on a few features (the first is the constant 1) with fading memory and a ridge
 * toward prior coefficients. Why the ridge is scaled by each feature's mean square: it then acts "as if
 * `weight` observations lay on the prior", whatever the units of the feature, as a one-feature line did.
 */
export class FadingRegression {
  private w = 0;
  private readonly xx: Float64Array;
  private readonly xy: Float64Array;

  constructor(
    private readonly size: number,
    private readonly forgetting: number,
  ) {
    this.xx = new Float64Array(size * size);
    this.xy = new Float64Array(size);
  }

  get weight(): number {
    return this.w;
  }

  add(x: readonly number[], y: number): void {
    const n = this.size;
    this.w = this.w * this.forgetting + 1;
    for (let i = 0; i < n; i++) {
      this.xy[i] = this.xy[i]! * this.forgetting + x[i]! * y;
      for (let j = 0; j < n; j++) this.xx[i * n + j] = this.xx[i * n + j]! * this.forgetting + x[i]! * x[j]!;
    }
  }

  /** Coefficients, pulled toward `prior` with the strength of `weight` observations. */
  coefficients(prior: readonly number[], weight: number): number[] {
    const n = this.size;
    const a = Array.from({ length: n }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (j < n ? this.xx[i * n + j]! : this.xy[i]!)));
    for (let i = 0; i < n; i++) {
      const meanSquare = this.w > 0 ? Math.max(this.xx[i * n + i]! / this.w, 1) : 1;
      a[i]![i]! += weight * meanSquare;
      a[i]![n]! += weight * meanSquare * prior[i]!;
    }
    return solve(a) ?? [...prior];
  }
}

/** Gaussian elimination with partial pivoting on an augmented n x (n+1) matrix; null if singular. */
function solve(a: number[][]): number[] | null {
  const n = a.length;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (Math.abs(a[pivot]![c]!) < 1e-12) return null;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= n; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= a[r]![k]! * x[k]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}
