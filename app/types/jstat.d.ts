// jstat ships no types; declare the parts the project uses.
declare module 'jstat' {
  export const jStat: {
    poisson: { cdf(k: number, lambda: number): number; pdf(k: number, lambda: number): number }
    normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number }
    binomial: { cdf(k: number, n: number, p: number): number }
  }
}
