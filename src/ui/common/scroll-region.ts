/**
 * An attachment for a box that scrolls sideways or down: it joins the tab
 * order only while its content overflows, so keyboard users can scroll it
 * (WCAG 2.1.1) without an idle tab stop when everything fits.
 */
export function focusableWhenOverflowing(node: HTMLElement): () => void {
  const update = () => {
    const overflows = node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
    if (overflows) node.tabIndex = 0;
    else node.removeAttribute('tabindex');
  };
  update();
  const observer = new ResizeObserver(update);
  observer.observe(node);
  if (node.firstElementChild) observer.observe(node.firstElementChild);
  return () => observer.disconnect();
}
