// jstat ships no types; this declares the part the app uses.
declare module 'jstat' {
  interface Distribution {
    inv(p: number, ...params: number[]): number
    cdf(x: number, ...params: number[]): number
  }
  const jStat: {
    normal: Distribution
    poisson: { cdf(k: number, lambda: number): number; pdf(k: number, lambda: number): number }
  }
  export default jStat
}
