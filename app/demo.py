"""Demo mode: everything on one machine, no set-up, sample data.

A fresh data folder, the central server (`ashyq-central serve --demo-data`) started on a free
loopback port, this console enrolled with it through the plainly-labelled DEMO file keyring, the
camera set to the sample video in resources/demo, and the staff PINs printed. Stopping the demo
stops the server; the data folder is left for a look afterwards (its path is printed).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.resources import resource_path

DEMO_ENROLL_CODE = "DEMO-ENROLL-0001"
DEMO_PINS = {"door": "1111", "cashier": "2222", "manager": "33333333", "admin": "44444444"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def printed_folder(home: Path) -> Path:
    """The demo's receipt printer: every receipt it prints is a PDF file in this folder."""
    return home / "printed"


def write_demo_settings(home: Path, url: str) -> None:
    """The demo station's settings: the sample video as camera, the demo server, the PDF
    folder as receipt printer (so a refund ends "printed to <folder>")."""
    from app.settings import Settings, load, save

    path = home / "settings.json"
    settings, _ = load(path)
    video = resource_path("demo", "demo.mp4")
    settings = Settings(
        **{
            **settings.__dict__,
            "camera": str(video),
            "server_url": url,
            "printer": f"pdf:{printed_folder(home)}",
        }
    )
    save(settings, path)


class DemoError(Exception):
    code = "demo_failed"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class DemoEnvironment:
    home: Path
    url: str
    server: subprocess.Popen[bytes]
    server_log: Path

    @classmethod
    def start(cls, home: Path | None = None, *, timeout_s: float = 30.0) -> DemoEnvironment:
        home = home or Path(tempfile.mkdtemp(prefix="ashyq-demo-"))
        home.mkdir(parents=True, exist_ok=True)
        os.environ["ASHYQ_HOME"] = str(home)
        from app.sync.secrets import use_demo_keyring

        use_demo_keyring(home / "DEMO-keyring.json")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = home / "central.log"
        command = [
            sys.executable, "-m", "central.cli", "serve",
            "--data-dir", str(home / "central"),
            "--host", "127.0.0.1", "--port", str(port),
            "--demo-data", "--demo-enroll-code", DEMO_ENROLL_CODE,
            "--public-url", url, "--log-file", str(log),
        ]  # fmt: skip
        with (home / "central.out").open("wb") as out:
            server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        env = cls(home, url, server, log)
        try:
            env._wait_healthy(timeout_s)
            env._enroll()
        except Exception:
            env.stop()
            raise
        return env

    def _wait_healthy(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                output = (self.home / "central.out").read_text(errors="replace")[-2000:]
                raise DemoError(f"The demo server stopped at start:\n{output}")
            try:
                if httpx.get(self.url + "/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise DemoError(f"The demo server did not answer within {timeout_s:.0f} s.")

    def _enroll(self) -> None:
        from app.paths import database_path
        from app.services.sync_service import enroll

        enroll(self.url, DEMO_ENROLL_CODE, "Demo door 1", database_path(), door="1")
        write_demo_settings(self.home, self.url)

    @property
    def printed_folder(self) -> Path:
        return printed_folder(self.home)

    def stop(self) -> None:
        if self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait(timeout=10)

    def banner(self) -> str:
        pins = ", ".join(f"{role} {pin}" for role, pin in DEMO_PINS.items())
        return (
            f"Ashyq demo: central server {self.url}, data in {self.home}\n"
            f"Staff PINs: {pins}. The camera plays resources/demo/demo.mp4.\n"
            f"Receipts print as PDF files into {self.printed_folder}.\n"
            "Try typing an IIN from resources/demo/demo_codes.json, or scan the ticket DEMOG1."
        )
