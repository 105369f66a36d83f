/**
 * Whether an import is running (in this tab or another Hearth tab), for the notice that the figures
 * shown are not final yet (importing-notice.tsx). The truth is the `hearth-import` Web Lock
 * (storage/import-lock.ts); this decides when to look at it, so an idle Hearth never polls:
 *
 * - `check()` looks once (the app calls it when it opens and whenever the data changes); while the
 *   lock is held it looks again every `pollMs`, and stops once it is free.
 * - `check(true)`: an import announced that it holds (or waits for) the lock: the notice shows at
 *   once, then the lock is watched as above.
 * - Without an announcement, the lock must be seen held at two looks in a row before the notice
 *   shows: the start-up recovery of a tab holds it for a moment, and that is no import.
 * - It must be seen free at two looks in a row (`confirmMs` apart) before the notice goes: an
 *   import of several files takes the lock once per file, and lets go of it between two files.
 */
export interface ImportWatch {
  check(announced?: boolean): void;
  stop(): void;
}

export function createImportWatch({
  held,
  onChange,
  pollMs = 1000,
  confirmMs = 300,
}: {
  held: () => Promise<boolean>;
  onChange: (importing: boolean) => void;
  pollMs?: number;
  confirmMs?: number;
}): ImportWatch {
  let shown = false;
  let heldRun = 0;
  let freeRun = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let looking = false;
  let lookAgain = false;
  let stopped = false;

  const show = (v: boolean) => {
    if (shown === v) return;
    shown = v;
    onChange(v);
  };
  const later = (ms: number) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      look();
    }, ms);
  };
  const look = () => {
    if (stopped) return;
    if (looking) {
      lookAgain = true;
      return;
    }
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    looking = true;
    held().then(
      (isHeld) => settle(isHeld),
      () => settle(false),
    );
  };
  const settle = (isHeld: boolean) => {
    looking = false;
    if (stopped) return;
    if (isHeld) {
      freeRun = 0;
      heldRun++;
      if (heldRun >= 2) show(true);
      later(pollMs);
    } else {
      heldRun = 0;
      freeRun++;
      if (shown && freeRun < 2) later(confirmMs);
      else show(false);
    }
    if (lookAgain) {
      lookAgain = false;
      look();
    }
  };

  return {
    check(announced = false) {
      if (announced) {
        // The lock is held (or waited for) by an import now: no second look needed to show it.
        heldRun = Math.max(heldRun, 1);
        show(true);
      }
      look();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
