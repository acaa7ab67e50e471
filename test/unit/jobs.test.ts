import { describe, expect, it } from 'vitest'
import { canRetry, isUnderWay, jobStates, stoppedBeforeItsEnd } from '../../app/domain/jobs.ts'

describe('job states', () => {
  it('follows a job while it is queued or running, and offers retry only once it stopped short', () => {
    expect(jobStates.filter(isUnderWay)).toEqual(['queued', 'running'])
    expect(jobStates.filter(canRetry)).toEqual(['failed', 'interrupted'])
  })

  it('keeps a job for a retry when it was interrupted or its process gave no answer, not when it was refused for a reason', () => {
    expect(stoppedBeforeItsEnd({ state: 'interrupted', error: null })).toBe(true)
    expect(stoppedBeforeItsEnd({ state: 'failed', error: { reason: 'stopped', message: 'signal SIGKILL' } })).toBe(true)
    expect(stoppedBeforeItsEnd({ state: 'failed', error: { reason: 'error', message: 'disk full' } })).toBe(true)
    expect(stoppedBeforeItsEnd({ state: 'failed', error: { reason: 'nothingRequired', message: '' } })).toBe(false)
    expect(stoppedBeforeItsEnd({ state: 'failed', error: { reason: 'uploadGone', message: 'a.csv' } })).toBe(false)
    expect(stoppedBeforeItsEnd({ state: 'done', error: null })).toBe(false)
    expect(stoppedBeforeItsEnd({ state: 'running', error: null })).toBe(false)
  })
})
