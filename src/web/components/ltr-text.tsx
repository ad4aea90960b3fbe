import type { ReactNode } from 'react';

/** Keeps a code or number (postal code, plate, username) in one left-to-right run inside Persian text. */
export function LtrText({ children }: { children: ReactNode }) {
  return <bdi className="ltr-isolate">{children}</bdi>;
}
