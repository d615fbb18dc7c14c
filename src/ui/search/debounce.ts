/** A trailing debounce for typing: the last call within `ms` wins. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  call.cancel = () => clearTimeout(timer);
  return call;
}

/** Moves focus among `selector` elements inside `root` with arrow keys, Home and End; true when handled. */
export function moveFocus(root: HTMLElement, selector: string, event: KeyboardEvent): boolean {
  const items = [...root.querySelectorAll<HTMLElement>(selector)];
  if (!items.length) return false;
  const i = items.indexOf(document.activeElement as HTMLElement);
  let next = -1;
  if (event.key === 'ArrowDown') next = i < 0 ? 0 : Math.min(items.length - 1, i + 1);
  else if (event.key === 'ArrowUp') next = i <= 0 ? -1 : i - 1;
  else if (event.key === 'Home' && i >= 0) next = 0;
  else if (event.key === 'End' && i >= 0) next = items.length - 1;
  else return false;
  event.preventDefault();
  if (next === -1) return false;
  items[next]!.focus();
  items[next]!.scrollIntoView({ block: 'nearest' });
  return true;
}
