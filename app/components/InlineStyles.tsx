import { createContext, useContext } from 'react';

/**
 * The site's stylesheets, inlined in every page's head (set by entry.server.tsx), so a phone on a slow
 * network paints once the HTML arrives instead of waiting for three more requests. In the browser the
 * context is empty: the text is taken once from the element the server rendered, so hydration and
 * later renders of the root layout leave it as it is.
 */
export const InlineStylesContext = createContext('');

const ATTRIBUTE = 'data-inline-styles';
let browserCopy: string | undefined;

export function InlineStyles() {
  const serverCss = useContext(InlineStylesContext);
  const css =
    serverCss ||
    (typeof document === 'undefined'
      ? ''
      : (browserCopy ??= document.querySelector(`style[${ATTRIBUTE}]`)?.textContent ?? ''));
  return (
    <style
      {...{ [ATTRIBUTE]: '' }}
      dangerouslySetInnerHTML={{ __html: css }}
      suppressHydrationWarning
    />
  );
}
