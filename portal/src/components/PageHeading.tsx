import { type ReactNode, useEffect, useRef } from 'react';
import { useRouter } from '../app/router.js';

/**
 * The page's h1, which also titles the browser tab. After an in-app navigation focus moves here, so a
 * screen-reader user hears where they arrived (as a full page load would tell them).
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { navigations } = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · eGov`;
  }, [title]);
  useEffect(() => {
    if (navigations > 0) heading.current?.focus();
  }, [navigations]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
