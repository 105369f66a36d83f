/**
 * Keeps a keyboard user's place when a relabelled text leaves its list (a message relabelled as
 * neutral leaves "Most negative messages" once the metrics are recomputed): the focused button
 * disappears, and the browser would drop the focus to the page's body. `rememberPlace` is called
 * when a Relabel button is pressed; `restorePlace` after each render of the section around the list
 * moves the focus to the text now at that place (the next one), or to the section's heading when
 * the list is empty — and, while the text is still there, back to it if the focus was lost.
 */
const places = new WeakMap<HTMLElement, { index: number; key: string }>();

const ITEM = 'article[data-key]';

function sectionOf(el: Element): HTMLElement | null {
  return el.closest<HTMLElement>('[data-keep-focus]');
}

export function rememberPlace(article: HTMLElement | null): void {
  const section = article && sectionOf(article);
  if (!article || !section) return;
  const index = [...section.querySelectorAll(ITEM)].indexOf(article);
  if (index >= 0) places.set(section, { index, key: article.dataset.key ?? '' });
}

export function restorePlace(section: HTMLElement | null): void {
  const place = section && places.get(section);
  if (!section || !place) return;
  const items = [...section.querySelectorAll<HTMLElement>(ITEM)];
  const there = items.find((a) => a.dataset.key === place.key);
  const active = document.activeElement;
  const lost = active === null || active === document.body;
  if (there) {
    // Still listed: keep the place while the focus is on it (it may leave with the next recompute).
    if (lost) there.focus();
    else if (!there.contains(active)) places.delete(section);
    return;
  }
  places.delete(section);
  if (lost) (items[Math.min(place.index, items.length - 1)] ?? section.querySelector<HTMLElement>('h2'))?.focus();
}
