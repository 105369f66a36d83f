import { describe, expect, it } from 'vitest';
import { slideKeyAction } from './keys';

describe('slideKeyAction', () => {
  it('turns the slides with the arrows, PageUp/PageDown, Space, Home, End; Esc leaves', () => {
    expect(
      ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'Home', 'End', 'Escape'].map((key) =>
        slideKeyAction({ key }, false),
      ),
    ).toEqual(['next', 'next', 'next', 'previous', 'previous', 'first', 'last', 'leave']);
  });

  it('leaves Space and Enter to a focused button (it is pressed, the slide does not turn)', () => {
    expect(slideKeyAction({ key: ' ' }, true)).toBeNull();
    expect(slideKeyAction({ key: 'Enter' }, true)).toBeNull();
    // The arrows and Esc still work from a button.
    expect(slideKeyAction({ key: 'ArrowRight' }, true)).toBe('next');
    expect(slideKeyAction({ key: 'Escape' }, true)).toBe('leave');
  });

  it('ignores keys with a modifier and other keys', () => {
    expect(slideKeyAction({ key: 'ArrowRight', altKey: true }, false)).toBeNull();
    expect(slideKeyAction({ key: ' ', ctrlKey: true }, false)).toBeNull();
    expect(slideKeyAction({ key: 'a' }, false)).toBeNull();
    expect(slideKeyAction({ key: 'Enter' }, false)).toBeNull();
  });
});
