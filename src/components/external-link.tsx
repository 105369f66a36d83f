import type { ReactNode } from 'react';
import { safeUrl } from '../domain/listening/items';

/**
 * A link back to the original post or thread, from a URL found in an export. Only absolute
 * http(s) URLs become links (a `javascript:` or `data:` URL in a file stays plain text); they open
 * in a new tab without a referrer.
 */
export function ExternalLink({ url, children }: { url: string | undefined; children: ReactNode }) {
  const href = safeUrl(url);
  if (!href) return <>{children}</>;
  return (
    <a href={href} rel="noopener noreferrer" target="_blank">
      {children}
    </a>
  );
}
