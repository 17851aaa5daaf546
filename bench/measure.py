"""Run one command and print its wall time and peak RSS as JSON (used by bench.py).

A separate process per measurement, so that ``RUSAGE_CHILDREN`` holds the
peak of that one run only.
"""

from __future__ import annotations

import hashlib
import json
import resource
import subprocess
import sys
import time


def main() -> int:
    started = time.perf_counter()
    proc = subprocess.run(sys.argv[1:], capture_output=True)
    wall = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "wall": wall,
                "peak_mb": peak_kib / 1024,
                "code": proc.returncode,
                "stderr": proc.stderr.decode()[-4000:],
                "stdout_bytes": len(proc.stdout),
                "stdout_sha256": hashlib.sha256(proc.stdout).hexdigest(),
            }
        )
    )
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
