// The per-request nonce of the Content-Security-Policy (scripts/serve.mjs makes it and sends the
// header): app/entry.server.tsx provides it while rendering, so the inline scripts Remix and
// React write carry it. In the browser there is none to give (and none needed after hydration).
import { createContext, useContext } from 'react'

const NonceContext = createContext<string | undefined>(undefined)

export const NonceProvider = NonceContext.Provider

export const useNonce = () => useContext(NonceContext)
