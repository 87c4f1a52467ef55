import { useEffect, useState } from 'react';

/** Longer than tabster's 250 ms before it gives the rest of the page back to screen readers. */
const REMOVAL_DELAY_MS = 600;

/**
 * Whether a Fluent dialog belongs on the page: from when it opens until a moment after it closed. Removed at
 * once while open, Fluent leaves aria-hidden on the rest of the page (microsoft/fluentui#35139: tabster
 * restores it on a 250 ms timer that the removal cancels), so screen readers lose the whole app; left on the
 * page closed, its focus-trap elements break axe's aria-hidden-focus rule. Render the dialog while this is
 * true, with `open` as its open state.
 */
export function useDialogMounted(open: boolean): boolean {
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) setMounted(true);
  useEffect(() => {
    if (open || !mounted) return undefined;
    const timer = setTimeout(() => setMounted(false), REMOVAL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [open, mounted]);
  return open || mounted;
}
