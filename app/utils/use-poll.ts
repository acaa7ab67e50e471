import { useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'

/** Reloads the page's data every `ms` while `active` (a background job under way), one reload at a time. */
export function usePollWhile(active: boolean, ms: number): void {
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), ms)
    return () => clearInterval(timer)
  }, [active, ms, revalidator])
}
