// Browser tests drive Debian's Chromium through playwright-core (Playwright's own browser
// download cannot work on machines that reach only package registries).
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function assertChromiumInstalled(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Browser tests need Chromium at ${chromiumPath}, and it is not there.\n` +
        `Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n` +
        `(or point CHROMIUM_PATH at another Chromium/Chrome binary).`,
    )
  }
}

export interface BrowserOptions {
  locale?: string
  /** The reader's time zone (IANA), e.g. one unlike the server's to catch dates formatted in the wrong zone. */
  timezoneId?: string
  /** A phone: its width and height, touch, and the page's viewport meta tag honoured. */
  phone?: { width: number; height: number }
}

export async function launchBrowser(options: BrowserOptions = {}): Promise<BrowserContext> {
  assertChromiumInstalled()
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'traffic-chromium-')), {
    executablePath: chromiumPath,
    headless: true,
    locale: options.locale ?? 'pt-BR',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    ...(options.phone ? { viewport: options.phone, isMobile: true, hasTouch: true } : { viewport: { width: 1360, height: 1000 } }),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
