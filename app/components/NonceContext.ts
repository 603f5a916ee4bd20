import { createContext, useContext } from 'react';

/**
 * The Content-Security-Policy nonce of the response being rendered (server/csp.ts), for Remix's inline
 * scripts. Set by entry.server.tsx; in the browser it is empty (browsers hide nonces from the page).
 */
export const NonceContext = createContext('');

export const useNonce = () => useContext(NonceContext);
