/** What a key does in presentation mode. */
export type SlideAction = 'next' | 'previous' | 'first' | 'last' | 'leave';

/**
 * The action of a key press in presentation mode, or null to leave the key to the browser:
 * → / PageDown / Space next, ← / PageUp back, Home, End, Esc leaves. With a modifier, and for
 * Space and Enter on a focused control (a button, link or field), nothing: the control takes them
 * (Space on "Exit (Esc)" presses it, it does not turn the slide).
 */
export function slideKeyAction(
  e: { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean },
  onControl: boolean,
): SlideAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (onControl && (e.key === ' ' || e.key === 'Enter')) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}

/** Whether a key event's target is a control that acts on Space or Enter itself. */
export function isControl(target: EventTarget | null): boolean {
  return (
    typeof Element !== 'undefined' &&
    target instanceof Element &&
    target.closest(
      'button, a[href], input, select, textarea, summary, [role="button"], [contenteditable="true"]',
    ) !== null
  );
}
