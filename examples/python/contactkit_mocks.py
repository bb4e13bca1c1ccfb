"""Starts the contactkit-mocks executable for a test run, and stops it afterwards.

Copy this file and ``conftest.py`` into your own test folder. The executable is found through
``CONTACTKIT_MOCKS_BIN`` (a command line, such as ``/opt/contactkit-mocks`` or
``node node_modules/@contactkit/mocks/dist/cli.js``), else at its place in this repository.

Every simulator starts on a free port with a manual clock: time moves only when a test says so
(``mocks.advance(ms)``), so no test sleeps and every run sees the same thing.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import requests

REPOSITORY = Path(__file__).resolve().parents[2]
DEFAULT_COMMAND = str(REPOSITORY / "packages" / "mocks" / "dist" / "contactkit-mocks-linux-x64")
VENDORS = ("cloudsponge", "aurinko", "omnigage", "s3")


@dataclass
class Mocks:
    """The running simulators: their base URLs, and the admin calls tests need."""

    urls: dict[str, str]

    def url(self, vendor: str) -> str:
        return self.urls[vendor]

    def advance(self, ms: int) -> None:
        """Moves the clock every simulator shares (any simulator's admin API moves all of them)."""
        answer = requests.post(f"{self.urls['cloudsponge']}/__admin/clock", json={"advanceMs": ms}, timeout=10)
        answer.raise_for_status()

    def reset(self) -> None:
        """Forgets imports, syncs, uploads, seeded data, journal and faults; the clock keeps its time."""
        for vendor in VENDORS:
            requests.post(f"{self.urls[vendor]}/__admin/reset", timeout=10).raise_for_status()


def mocks_command() -> list[str]:
    """The command that starts contactkit-mocks, from ``CONTACTKIT_MOCKS_BIN`` or the default path."""
    command = shlex.split(os.environ.get("CONTACTKIT_MOCKS_BIN", DEFAULT_COMMAND))
    if not command:
        raise RuntimeError("CONTACTKIT_MOCKS_BIN is empty; give the path of the contactkit-mocks executable.")
    if shutil.which(command[0]) is None:
        raise RuntimeError(
            f"contactkit-mocks is not at {command[0]}: build it with `pnpm build:binary`, or point "
            "CONTACTKIT_MOCKS_BIN at the executable (or at `node .../@contactkit/mocks/dist/cli.js`)."
        )
    return command


@contextmanager
def running_mocks(timeout_s: float = 30) -> Iterator[Mocks]:
    """Starts every simulator on free ports with a manual clock; stops them when the block ends."""
    command = mocks_command()
    with tempfile.TemporaryDirectory(prefix="contactkit-mocks-") as folder:
        ready_file = Path(folder) / "ready.json"
        log_path = Path(folder) / "output.log"
        arguments = ["--clock", "manual", "--index-port", "0"]
        for vendor in VENDORS:
            arguments += [f"--{vendor}-port", "0"]
        uses_ready_file = supports_ready_file(command)
        if uses_ready_file:
            arguments += ["--ready-file", str(ready_file)]
        with open(log_path, "wb") as log:
            process = subprocess.Popen(command + arguments, stdout=log, stderr=subprocess.STDOUT)
            try:
                urls = wait_for_urls(process, ready_file if uses_ready_file else None, log_path, timeout_s)
                yield Mocks(urls)
            finally:
                stop(process)


def supports_ready_file(command: list[str]) -> bool:
    """Whether this contactkit-mocks writes a ready file; releases before it only print a banner."""
    usage = subprocess.run(command + ["--help"], capture_output=True, text=True, timeout=30, check=False)
    return "--ready-file" in usage.stdout


def wait_for_urls(process: subprocess.Popen, ready_file: Path | None, log_path: Path, timeout_s: float) -> dict:
    """The simulators' URLs once every one listens: from the ready file, else from the printed banner."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if ready_file is not None and ready_file.exists():
            # The file is written whole (written aside, then renamed), so it is never half there.
            return {name: url.rstrip("/") for name, url in json.loads(ready_file.read_text()).items()}
        if ready_file is None:
            urls = urls_from_banner(log_path.read_text(errors="replace"))
            if urls is not None:
                return urls
        if process.poll() is not None:
            raise RuntimeError(f"contactkit-mocks exited with {process.returncode}:\n{log_path.read_text()}")
        time.sleep(0.05)
    stop(process)
    raise RuntimeError(f"contactkit-mocks did not start within {timeout_s} s:\n{log_path.read_text()}")


def urls_from_banner(output: str) -> dict[str, str] | None:
    """Each vendor's URL from lines such as ``aurinko      http://127.0.0.1:40123  (dashboard: ...)``."""
    urls = {}
    for name in (*VENDORS, "index"):
        found = re.search(rf"^{name}\s+(http://\S+)", output, re.MULTILINE)
        if found is None:
            return None
        urls[name] = found.group(1).rstrip("/")
    return urls


def stop(process: subprocess.Popen) -> None:
    """Stops contactkit-mocks as Ctrl+C would, and makes sure it is gone."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
