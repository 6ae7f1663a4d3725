"""A throwaway PostgreSQL server on loopback for the tests, from Debian's package.

``start()`` runs ``initdb`` in a temporary folder and ``pg_ctl start`` on a free port,
and returns the server (its URL and a ``stop()``), or a reason it could not. As root
(CI), the server runs as the ``postgres`` user that Debian's package creates, because
PostgreSQL refuses to run as root.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union


@dataclass(frozen=True)
class Server:
    url: str
    data: Path
    run_as: list[str]
    pg_ctl: str

    def stop(self) -> None:
        subprocess.run(self.run_as + [self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(self.data.parent, ignore_errors=True)


def _binary(name: str) -> Optional[str]:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start() -> Union[Server, str]:
    """A running server, or why there is none."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not (initdb and pg_ctl):
        return "PostgreSQL is not installed (Debian: apt-get install postgresql)"
    run_as: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            return "running as root without runuser: cannot start PostgreSQL as another user"
        try:
            shutil.chown(root, user="postgres")
        except (LookupError, PermissionError) as exc:
            return f"no 'postgres' user to run the server as: {exc}"
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()
    steps = [
        [initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"],
        [pg_ctl, "-D", str(data), "-w", "-t", "60", "-l", str(root / "log"), "start", "-o",
         f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off"],
    ]
    for step in steps:
        done = subprocess.run(run_as + step, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            shutil.rmtree(root, ignore_errors=True)
            return f"{Path(step[0]).name} failed: {(done.stderr or done.stdout).strip()[-300:]}"
    return Server(f"postgresql://postgres@127.0.0.1:{port}/postgres", data, run_as, pg_ctl)
