/**
 * Leaving the presentation goes back to the Brief, whose Present button then takes the keyboard
 * focus again (rather than the page's start), as a dialog returns focus to what opened it.
 */
let returning = false;

/** Called when the presentation is left. */
export function markReturnFromPresentation(): void {
  returning = true;
}

/** A ref callback for the control that opens the presentation: focuses it once after a return. */
export function focusOnReturn(el: HTMLElement | null): void {
  if (el && returning) {
    returning = false;
    el.focus();
  }
}
