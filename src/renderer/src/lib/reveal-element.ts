/**
 * Scrolling a passage of the article into view so that it stays there. The
 * article's blocks use `content-visibility: auto`: blocks never painted count
 * as an estimated height, so one scrollIntoView lands where the passage would
 * be with estimated heights, and the passage moves away as the blocks around
 * it get their real size (or as the side panel opens and the text re-wraps).
 * This scrolls, then checks over the next frames and scrolls again until the
 * passage holds still in view. A newer reveal, or the user scrolling or
 * pressing a key, ends the checking at once.
 */

const settleFrames = 12;
let latest = 0;
const userInput = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function inView(box: DOMRect): boolean {
  return box.bottom > 0 && box.top < window.innerHeight;
}

export async function revealElement(
  element: Element,
  options: { block: ScrollLogicalPosition; smooth?: boolean } = { block: 'center' },
): Promise<void> {
  const reveal = (latest += 1);
  let interrupted = false;
  const interrupt = () => (interrupted = true);
  for (const type of userInput) window.addEventListener(type, interrupt, { capture: true, passive: true });
  const current = () => reveal === latest && !interrupted && element.isConnected;
  try {
    const smooth = options.smooth === true && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ block: options.block, behavior: smooth ? 'smooth' : 'instant' });
    if (smooth) await scrollEnd();
    let last = element.getBoundingClientRect().top;
    for (let frame = 0; frame < settleFrames && current(); frame += 1) {
      await nextFrame();
      if (!current()) return;
      const box = element.getBoundingClientRect();
      if (inView(box) && box.top === last) return;
      if (!inView(box)) element.scrollIntoView({ block: options.block, behavior: 'instant' });
      last = element.getBoundingClientRect().top;
    }
  } finally {
    for (const type of userInput) window.removeEventListener(type, interrupt, { capture: true });
  }
}

function scrollEnd(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, 1000);
    function done() {
      clearTimeout(timer);
      window.removeEventListener('scrollend', done);
      resolve();
    }
    window.addEventListener('scrollend', done, { once: true });
  });
}
