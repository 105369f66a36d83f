import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The page's window as far as the module uses it: its hash and its hashchange events. */
function fakeWindow() {
  const win = Object.assign(new EventTarget(), { location: { hash: '#/present?month=2025-12' } });
  Object.defineProperty(globalThis, 'window', { value: win, configurable: true });
  return {
    go(hash: string) {
      win.location.hash = hash;
      win.dispatchEvent(new Event('hashchange'));
    },
  };
}

describe('focus returns to the Present button after the slides', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => Reflect.deleteProperty(globalThis, 'window'));

  it('once, on the Brief the presentation returned to', async () => {
    const nav = fakeWindow();
    const { focusOnReturn, markReturnFromPresentation } = await import('./return-focus');
    const button = { focus: vi.fn() } as unknown as HTMLElement;
    focusOnReturn(button); // the Brief opened normally: no focus moved
    expect(button.focus).not.toHaveBeenCalled();
    markReturnFromPresentation();
    nav.go('#/brief?month=2025-12');
    focusOnReturn(button);
    focusOnReturn(button); // a re-render does not move it again
    expect(button.focus).toHaveBeenCalledTimes(1);
  });

  it('forgotten when the user goes elsewhere before the Brief showed its button (no data yet)', async () => {
    const nav = fakeWindow();
    const { focusOnReturn, markReturnFromPresentation } = await import('./return-focus');
    const button = { focus: vi.fn() } as unknown as HTMLElement;
    markReturnFromPresentation();
    nav.go('#/brief?month=2025-12');
    nav.go('#/import');
    nav.go('#/brief');
    focusOnReturn(button);
    expect(button.focus).not.toHaveBeenCalled();
  });
});
