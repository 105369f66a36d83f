/**
 * Leaving the presentation goes back to the Brief, whose Present button then takes the keyboard
 * focus again (rather than the page's start), as a dialog returns focus to what opened it. The
 * return is forgotten once the Brief has used it, or once the user goes to another page first (a
 * Brief without data has no Present button: a later visit must not move the focus unasked).
 */
let returning = false;

function forgetOnLeavingBrief(): void {
  if (!window.location.hash.startsWith('#/brief')) forget();
}

function forget(): void {
  returning = false;
  window.removeEventListener('hashchange', forgetOnLeavingBrief);
}

/** Called when the presentation is left for the Brief. */
export function markReturnFromPresentation(): void {
  returning = true;
  window.addEventListener('hashchange', forgetOnLeavingBrief);
}

/** A ref callback for the control that opens the presentation: focuses it once after a return. */
export function focusOnReturn(el: HTMLElement | null): void {
  if (el && returning) {
    forget();
    el.focus();
  }
}
