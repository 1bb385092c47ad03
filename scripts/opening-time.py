#!/usr/bin/env python3
"""Opening time of a terminal program, measured as a whole process: from just
before it is started in a pseudo-terminal (160x45 unless told) until a marker
text, which its first frame draws last, has come out of the terminal.

    scripts/opening-time.py --write-deck deck.md
    scripts/opening-time.py -n 60 \\
        --run samspel 'q avsluta' 'target/release/samspel open stor.samspel.json' \\
        --run presenterm Samspel 'presenterm deck.md'

Each --run is a label, the marker and the command (split as a shell would,
nothing else of a shell). With several, they are timed in turns, so that a
machine that gets slower or faster over the run touches all of them alike.
Prints min, median and max per label, in milliseconds.

The marker is looked for in the output with escape sequences and white space
taken out (a frame switches colours between words, and a terminal program
moves the cursor over blank cells rather than write spaces into a fresh
screen). Pick text from the frame's bottom row, since a full-screen program
writes its first frame top to bottom: Samspel's footer ends with "q avsluta"
(in Swedish, its default). When the marker has been seen the program gets
SIGTERM (SIGKILL a second later) and is waited for before the next start, so
a lock it holds is free again.

The comparison in docs/performance.md is presenterm opening a 20-slide deck;
`--write-deck deck.md` writes that deck (its first frame ends with "Samspel").

Python 3 standard library only.
"""

import argparse
import fcntl
import os
import pty
import re
import select
import shlex
import signal
import statistics
import struct
import sys
import termios
import time

# CSI (colours, cursor moves), OSC (titles), DCS and APC (graphics queries)
# and two-byte escapes.
ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b[\]P_^][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1b[@-Z\\-_]"
)
WHITE = re.compile(rb"\s+")
# Queries a program may wait on before it draws, and what a terminal answers.
# Without an answer such a program would be timed waiting for its timeout.
ANSWERS = [
    (b"\x1b[6n", b"\x1b[1;1R"),  # cursor position
    (b"\x1b[c", b"\x1b[?62;22c"),  # primary device attributes
    (b"\x1b[0c", b"\x1b[?62;22c"),
    (b"\x1b[5n", b"\x1b[0n"),  # status
]
TIMEOUT = 10.0


def once(argv, marker, rows, cols):
    """Seconds from the start of `argv` until `marker` is on its terminal."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.environ.setdefault("TERM", "xterm-256color")
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    seen = b""
    elapsed = None
    try:
        while elapsed is None:
            left = start + TIMEOUT - time.perf_counter()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                break
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the program ended: the terminal is gone
                break
            if not chunk:
                break
            for query, answer in ANSWERS:
                if query in chunk:
                    os.write(fd, answer)
            # Keeps the tail of what came before, in case the marker (or an
            # escape inside it) straddles two reads.
            seen = seen[-4096:] + chunk
            if marker in bare(seen):
                elapsed = time.perf_counter() - start
    finally:
        stop(pid, fd)
    if elapsed is None:
        tail = bare(seen)[-300:].decode(errors="replace")
        sys.exit(f"{argv[0]}: the marker did not appear within {TIMEOUT:.0f} s; last output: {tail!r}")
    return elapsed


def bare(output):
    """The text of terminal output: no escape sequences, no white space."""
    return WHITE.sub(b"", ESCAPES.sub(b"", output))


def stop(pid, fd):
    """Ends the program and waits for it, reading its output meanwhile so that
    it never blocks on a full terminal while it shuts down."""
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 1.0
    while True:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        if select.select([fd], [], [], 0.01)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
    os.close(fd)


def write_deck(path):
    """A 20-slide presenterm deck: a title slide, then 19 of a heading and
    bullets (no code: highlighting it would make presenterm slower)."""
    title = "---\ntitle: Styra och leda tillsammans\nauthor: Samspel\n---\n\n"
    slides = []
    for n in range(1, 20):
        slides.append(
            f"Bild {n}\n===\n\n* Första punkten på bild {n}\n"
            "* Andra punkten, lite längre text som visar en tanke\n* Tredje punkten\n"
        )
    with open(path, "w", encoding="utf-8") as f:
        f.write(title + "\n<!-- end_slide -->\n\n".join(slides))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=20, help="starts per command (20)")
    parser.add_argument("--size", default="160x45", help="COLSxROWS (160x45)")
    parser.add_argument("--warm-up", type=int, default=3, help="untimed starts first (3)")
    parser.add_argument("--write-deck", metavar="PATH", help="write the 20-slide deck and stop")
    parser.add_argument(
        "--run",
        nargs=3,
        action="append",
        metavar=("LABEL", "MARKER", "COMMAND"),
    )
    args = parser.parse_args()
    if args.write_deck:
        return write_deck(args.write_deck)
    if not args.run:
        parser.error("give at least one --run")
    cols, rows = (int(x) for x in args.size.lower().split("x"))
    runs = [(label, bare(marker.encode()), shlex.split(cmd)) for label, marker, cmd in args.run]
    times = {label: [] for label, _, _ in runs}
    for i in range(args.warm_up + args.n):
        for label, marker, argv in runs:
            t = once(argv, marker, rows, cols)
            if i >= args.warm_up:
                times[label].append(t * 1000)
    for label, _, _ in runs:
        ts = times[label]
        print(
            f"{label}: min {min(ts):.1f} ms, median {statistics.median(ts):.1f} ms, "
            f"max {max(ts):.1f} ms ({len(ts)} starts at {cols}x{rows})"
        )


if __name__ == "__main__":
    main()
