"""Bootstrap: one command to set up and run criticdb on a machine with only python3 and pip.

    python3 dev.py demo   # create .venv, install, run the pipeline on the bundled demo sites
    python3 dev.py test   # create .venv, install with dev extras, run ruff and the test suite
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def _run(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True)


def _ensure_env(extras: str) -> None:
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'base'}"
    pyproject = ROOT / "pyproject.toml"
    if stamp.exists() and stamp.stat().st_mtime >= pyproject.stat().st_mtime:
        return
    target = f".[{extras}]" if extras else "."
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-e", target)
    stamp.touch()


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    try:
        if command == "demo":
            _ensure_env("")
            _run(BIN / "criticdb", "demo", *argv[1:])
        elif command == "test":
            _ensure_env("dev")
            _run(BIN / "ruff", "check", ".")
            _run(BIN / "python", "-m", "pytest", *argv[1:])
        else:
            print(__doc__)
            return 2
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
