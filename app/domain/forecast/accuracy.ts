// Forecast accuracy as the industry reports it: WAPE (Σ|F − A| ÷ ΣA, the headline: quiet
// intervals cannot dominate it), bias ((ΣF − ΣA) ÷ ΣA: positive = over-forecast), MAPE over
// intervals with actual > 0 (undefined at 0, misleading on quiet intervals, shown for
// comparison) and RMSE. Pairs whose actual is missing (NaN) are skipped.

export interface Accuracy {
  /** Null when there was no actual volume to compare with. */
  wape: number | null
  bias: number | null
  mape: number | null
  rmse: number | null
  /** Intervals compared. */
  intervals: number
  actualTotal: number
  forecastTotal: number
}

export class AccuracySums {
  absError = 0
  sqError = 0
  actual = 0
  forecast = 0
  intervals = 0
  apeSum = 0
  apeCount = 0

  add(forecast: number, actual: number): void {
    if (Number.isNaN(actual) || Number.isNaN(forecast)) return
    const error = forecast - actual
    this.absError += Math.abs(error)
    this.sqError += error * error
    this.actual += actual
    this.forecast += forecast
    this.intervals++
    if (actual > 0) {
      this.apeSum += Math.abs(error) / actual
      this.apeCount++
    }
  }

  addAll(forecast: ArrayLike<number>, actual: ArrayLike<number>): void {
    if (forecast.length !== actual.length) throw new RangeError('forecast and actual differ in length')
    for (let i = 0; i < forecast.length; i++) this.add(forecast[i]!, actual[i]!)
  }

  merge(other: AccuracySums): void {
    this.absError += other.absError
    this.sqError += other.sqError
    this.actual += other.actual
    this.forecast += other.forecast
    this.intervals += other.intervals
    this.apeSum += other.apeSum
    this.apeCount += other.apeCount
  }

  result(): Accuracy {
    const hasActual = this.actual > 0
    return {
      wape: hasActual ? this.absError / this.actual : null,
      bias: hasActual ? (this.forecast - this.actual) / this.actual : null,
      mape: this.apeCount > 0 ? this.apeSum / this.apeCount : null,
      rmse: this.intervals > 0 ? Math.sqrt(this.sqError / this.intervals) : null,
      intervals: this.intervals,
      actualTotal: this.actual,
      forecastTotal: this.forecast,
    }
  }
}

export function accuracy(forecast: ArrayLike<number>, actual: ArrayLike<number>): Accuracy {
  const sums = new AccuracySums()
  sums.addAll(forecast, actual)
  return sums.result()
}
