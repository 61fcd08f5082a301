"""Time to the first frame a person sees, measured from outside in a real tmux pane.

The same method as ../shared/tools/ttff.py (copied here so the benchmarks run where that folder
is not beside the repo): start the command in a new tmux session and poll the pane until the
expected text is on it.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Sequence


def available() -> bool:
    return shutil.which("tmux") is not None


def once(argv: Sequence[str], expect: str, width: int = 120, height: int = 40,
         timeout: float = 20.0) -> float | None:
    """Seconds from starting `argv` in a tmux pane until `expect` is on it (None: never)."""
    name = "ttff-" + uuid.uuid4().hex[:8]
    cmd = "env TERM=xterm-256color COLORTERM=truecolor " + " ".join(shlex.quote(a) for a in argv)
    for _ in range(5):  # a tmux server that is just exiting refuses a new session
        started = subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", str(width),
                                  "-y", str(height), cmd], capture_output=True)
        if started.returncode == 0:
            break
        time.sleep(0.2)
    else:
        raise SystemExit("tmux would not start a session: " + started.stderr.decode().strip())
    t0 = time.perf_counter()
    try:
        while time.perf_counter() - t0 < timeout:
            out = subprocess.run(["tmux", "capture-pane", "-p", "-t", name],
                                 capture_output=True, text=True).stdout
            if expect in out:
                return time.perf_counter() - t0
            time.sleep(0.005)
        return None
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
