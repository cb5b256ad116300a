"""Run the qisite command as an organiser does: a fresh interpreter, output captured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.sitebuild import REPO


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """``python -m qisite.cli ARGS`` with this worktree's qisite, from ``cwd``."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "qisite.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
