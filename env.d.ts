/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import '@remix-run/node'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// What scripts/serve.mjs passes to every loader and action.
declare module '@remix-run/server-runtime' {
  interface AppLoadContext {
    /** The client's address (the socket's, unless Express is told to trust a proxy). */
    clientAddress?: string
    /** This response's Content-Security-Policy nonce, for the inline scripts of a rendered page. */
    nonce?: string
  }
}
