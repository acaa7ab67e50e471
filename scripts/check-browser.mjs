// Before the browser tests: say how to get Chromium instead of failing obscurely.
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.error(
    [
      `Browser tests need Chromium at ${chromium}, and it is not installed.`,
      'Install Debian\'s package:   sudo apt-get update && sudo apt-get install -y chromium',
      'or point CHROMIUM_PATH at another Chromium/Chrome binary, then run `npm test` again.',
      '(`npm run test:unit` runs the unit and integration tests, which need no browser.)',
    ].join('\n'),
  )
  process.exit(1)
}
