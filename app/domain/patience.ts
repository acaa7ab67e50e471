// Mean customer patience for Erlang A from history. With exponential patience, the abandonment
// rate per second of waiting is θ = abandoned ÷ total time spent waiting by everyone (answered
// and abandoned): the maximum-likelihood estimator for censored exponential data (Mandelbaum &
// Zeltyn; Brown et al. 2005, JASA). Mean patience = 1/θ.

export interface WaitingHistory {
  abandoned: number
  /** Seconds waited by answered and by abandoned contacts. */
  answeredWaitSec: number
  abandonedWaitSec: number
  offered: number
}

export interface PatienceEstimate {
  /** Mean patience, seconds; null without abandonment (patience looks unbounded). */
  patienceSec: number | null
  abandoned: number
  waitSec: number
  offered: number
}

export function estimatePatience(history: WaitingHistory): PatienceEstimate {
  const waitSec = history.answeredWaitSec + history.abandonedWaitSec
  return {
    patienceSec: history.abandoned > 0 && waitSec > 0 ? waitSec / history.abandoned : null,
    abandoned: history.abandoned,
    waitSec,
    offered: history.offered,
  }
}
