// In the browser, zod is told not to compile schemas with `new Function`. It would first probe
// whether it may, and under the Content-Security-Policy (no 'unsafe-eval', decision 017) the
// refused probe is reported as a violation on every page. The probe runs when the first object
// schema is built, at module load: app/root.tsx imports this module before anything else. The
// server keeps the compiled schemas (faster, and no policy applies there).
import { z } from 'zod'

if (typeof document !== 'undefined') z.config({ jitless: true })
