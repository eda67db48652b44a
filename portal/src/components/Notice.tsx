import type { ReactNode } from 'react';

/**
 * A message box. `alert` is announced at once by screen readers (errors, outages); `status` politely
 * (progress, results); `note` is not announced.
 */
export function Notice({
  tone,
  title,
  children,
  role,
}: {
  tone: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
  role?: 'alert' | 'status' | 'note';
}) {
  return (
    <div className={`notice notice-${tone}`} role={role ?? (tone === 'error' ? 'alert' : 'status')}>
      {title ? <p className="notice-title">{title}</p> : null}
      {children}
    </div>
  );
}
