// Timing helpers for live editing: debounce a call, and tell the latest request from stale ones
// (each new one aborts the one before; an answer that is not the latest is dropped).

/** `fn` called once `ms` after the last call; `.now()` calls it at once. */
export function debounce(fn, ms) {
  let timer = null;
  const later = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  later.now = (...args) => {
    clearTimeout(timer);
    return fn(...args);
  };
  return later;
}

/** Sequence numbers with an AbortController each: `next()` aborts the previous request. */
export class Latest {
  constructor() {
    this.sequence = 0;
    this.controller = null;
  }

  next() {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const mine = ++this.sequence;
    return { signal: controller.signal, isLatest: () => mine === this.sequence, sequence: mine };
  }
}
