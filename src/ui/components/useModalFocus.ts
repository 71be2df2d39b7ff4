// A modal dialog's keyboard contract (WAI-ARIA dialog pattern): Tab and Shift+Tab cycle through
// the dialog's own controls and never reach the page behind it, Escape closes it, and on closing
// focus goes back to whatever opened it (the button the learner pressed).
import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]', 'button:not([disabled])', 'select:not([disabled])', 'textarea:not([disabled])',
  'input:not([disabled]):not([type="hidden"])', '[tabindex]:not([tabindex="-1"])',
].join(',');

export function useModalFocus(dialog: RefObject<HTMLElement | null>, onEscape: () => void): void {
  const escape = useRef(onEscape);
  useEffect(() => {
    escape.current = onEscape;
  });
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const node = dialog.current;
    if (!node) return;
    if (!node.contains(document.activeElement)) node.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        // A control inside that used the key (a picker closing its list) has it: the dialog stays.
        if (event.defaultPrevented) return;
        event.preventDefault();
        escape.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const controls = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      if (controls.length === 0) return;
      const first = controls[0];
      const last = controls[controls.length - 1];
      const inside = node.contains(document.activeElement);
      if (event.shiftKey && (document.activeElement === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      // Back to the opener, if it is still on the page (submitting replaces it with a badge).
      if (opener?.isConnected) opener.focus();
    };
  }, [dialog]);
}
