/**
 * Full screen where the browser allows it. Never throws: headless browsers, iframes without
 * permission and calls outside a user gesture simply stay windowed.
 */
export function enterFullscreen(el: Element = document.documentElement): void {
  try {
    if (
      !document.fullscreenEnabled ||
      document.fullscreenElement ||
      typeof el.requestFullscreen !== 'function'
    )
      return;
    void el.requestFullscreen().catch(() => undefined);
  } catch {
    // Not available here: windowed slides work the same.
  }
}

export function exitFullscreen(): void {
  try {
    if (document.fullscreenElement && typeof document.exitFullscreen === 'function')
      void document.exitFullscreen().catch(() => undefined);
  } catch {
    // Nothing to leave.
  }
}
