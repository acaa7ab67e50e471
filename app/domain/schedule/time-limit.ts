// The rules' time limit covers the whole solve, from building the model: the integer program is
// given what is left once the model is built and read and the LP relaxation solved, but never
// less than a floor, so that a large model whose LP alone eats the limit still gets a chance to
// improve on the greedy repair. The repair and reading the solution come on top.

/** Seconds the integer program always gets, however long the LP took. */
export const MIN_INTEGER_SEC = 1

/**
 * Seconds for the next integer program of a `limitSec` solve that has spent `spentMs`, with
 * `programsLeft` programs still to run (blocks.ts): an equal share of what is left, the floor shared
 * too — so a program that finishes early leaves its time to the next.
 */
export function integerTimeLimit(limitSec: number, spentMs: number, programsLeft = 1): number {
  return Math.max(MIN_INTEGER_SEC, limitSec - spentMs / 1000) / programsLeft
}
