"""PDF text extraction in a child process with resource limits.

An uploaded PDF is untrusted: a 25 KB file with 8 MB of compressed page content
costs pypdf half a minute of CPU, and others can make it allocate without end.
So the parsing never runs in the process that asked for it (the background
worker, materials/tasks.py): ``extract_in_subprocess`` starts

    python -m materials.extract_worker  < file.pdf  > text

with a CPU-time limit (RLIMIT_CPU: SIGXCPU at the limit, SIGKILL a second
later), an address-space limit (RLIMIT_AS: allocations fail, MemoryError) and no
core dumps, all set between fork and exec, before the child reads a byte; plus a
wall-clock timeout after which the parent kills it. The child gets the file on
stdin and no secrets in its environment, writes the text (already bounded by
materials.text.MAX_TEXT_CHARS) to stdout and says by its exit status why there
is none. Neither module imports Django: the child starts in a fraction of a
second."""

from __future__ import annotations

import io
import os
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Exit statuses of the child besides 0 (text on stdout).
EXIT_ENCRYPTED = 3
EXIT_UNREADABLE = 4
EXIT_MEMORY = 5

# Why a child gave no text (materials.models.ExtractionError has the same values).
CPU = "cpu"
MEMORY = "memory"
TIMEOUT = "timeout"
ENCRYPTED = "encrypted"
UNREADABLE = "unreadable"
FAILED = "failed"

PROJECT_DIR = Path(__file__).resolve().parent.parent
STDERR_LOGGED = 2000  # characters of the child's stderr kept for the log


@dataclass(frozen=True)
class Outcome:
    """What the child gave: its text, or why not (``error``, one of the reasons
    above, with the ``limit`` that stopped it), and for the log its exit status
    and the end of its stderr."""

    text: str = ""
    error: str = ""
    limit: int | None = None
    returncode: int | None = None
    stderr: str = ""

    @property
    def stopped_by_signal(self) -> str:
        if self.returncode is not None and self.returncode < 0:
            return signal.Signals(-self.returncode).name
        return ""


def limits(cpu_seconds: int, memory_mb: int):
    """The preexec_fn that limits the child. It runs between fork and exec; that
    is unsafe only in a process with other threads (Python's docs), and the
    background worker that calls it has none."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        memory = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return apply


def extract_in_subprocess(
    data: bytes, *, cpu_seconds: int, memory_mb: int, timeout: float
) -> Outcome:
    """The text of the PDF ``data``, read by a limited child process. Never raises
    for anything the file does: every failure is an Outcome with an ``error``."""
    command = [sys.executable, "-E", "-s", "-m", "materials.extract_worker"]
    try:
        child = subprocess.run(  # noqa: S603 - our own module, no shell, no user input in argv
            command,
            input=data,
            capture_output=True,
            timeout=timeout,
            preexec_fn=limits(cpu_seconds, memory_mb),
            cwd=PROJECT_DIR,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"},
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the child
        return Outcome(error=TIMEOUT, limit=round(timeout))
    except OSError as error:
        return Outcome(error=FAILED, stderr=str(error))
    stderr = child.stderr.decode("utf-8", "replace")[-STDERR_LOGGED:]
    code = child.returncode
    if code == 0:
        return Outcome(text=child.stdout.decode("utf-8", "replace"), returncode=0, stderr=stderr)
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        # SIGXCPU at the CPU-time limit; SIGKILL at the hard limit a second later
        # (the memory limit keeps the kernel's OOM killer away from the child).
        error, limit = CPU, cpu_seconds
    elif code == EXIT_MEMORY:
        error, limit = MEMORY, memory_mb
    elif code == EXIT_ENCRYPTED:
        error, limit = ENCRYPTED, None
    elif code == EXIT_UNREADABLE:
        error, limit = UNREADABLE, None
    else:
        error, limit = FAILED, None
    return Outcome(error=error, limit=limit, returncode=code, stderr=stderr)


def main() -> int:
    """The child: PDF on stdin, text on stdout (limits already in force)."""
    from materials.text import UnreadablePdf, extract_pdf_text

    try:
        text = extract_pdf_text(io.BytesIO(sys.stdin.buffer.read()))
    except UnreadablePdf as error:
        return EXIT_ENCRYPTED if error.encrypted else EXIT_UNREADABLE
    except MemoryError:
        return EXIT_MEMORY
    sys.stdout.buffer.write(text.encode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
