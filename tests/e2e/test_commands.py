"""End to end: `optout demo` and `optout sandbox`, run as a newcomer would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from optout.browser import probe_sandbox


def test_demo_runs_the_whole_journey(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_")}
    done = subprocess.run(
        [sys.executable, "-m", "optout", "demo"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for step in ("login linkedin", "apply linkedin --dry-run", "verify linkedin --fix", "logout linkedin"):
        assert f"$ optout {step}" in done.stdout
    assert "UNEXPECTED" not in done.stdout
    assert "on → off" in done.stdout or "on -> off" in done.stdout
    assert "Demo finished" in done.stdout


def test_sandbox_command_serves_the_replicas_until_stopped(tmp_path: Path) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "optout", "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert first.startswith("Sandbox serving at https://127.0.0.1:"), first
        url = first.split()[3]
        target = probe_sandbox(url)
        assert target.port == int(url.rsplit(":", 1)[1])
        assert target.pin in first
    finally:
        server.terminate()
        server.wait(timeout=30)
