"""The wheel installs one import name, `criticdb`, and works from any directory."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ("common", "scrapers", "transforms", "warehouse", "dashboards", "flows", "demo")


def _setuptools() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"]


def test_every_subpackage_is_in_the_package_list() -> None:
    """An explicit list silently drops a new subpackage from the wheel; this catches it."""
    listed = set(_setuptools()["packages"])
    found = {"criticdb." + ".".join(init.parent.relative_to(REPO).parts)
             for folder in FOLDERS for init in (REPO / folder).rglob("__init__.py")}
    assert found == listed
    assert _setuptools()["package-dir"] == {f"criticdb.{f}": f for f in FOLDERS}


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding only the built wheel; dependencies come from the dev venv's
    site-packages through a plain path (.pth lines are not processed there, so the
    editable install of this checkout stays invisible)."""
    tmp = tmp_path_factory.mktemp("wheel")
    # A copy of the sources: building in the checkout leaves build/ behind, and a stale
    # build/ puts deleted files into the next wheel.
    src = tmp / "src"
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache",
        ".hypothesis", "test-artifacts", "*.duckdb*", "*.raw", "report"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp / "dist"), str(src)], check=True, timeout=300)
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    *map(str, (tmp / "dist").glob("*.whl"))], check=True, timeout=300)
    target = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()"
                             "['purelib'])"], capture_output=True, text=True, check=True)
    deps = [p for p in site.getsitepackages() if p.endswith("site-packages")]
    (Path(target.stdout.strip()) / "zz_deps.pth").write_text("\n".join(deps) + "\n")
    return env_dir


def _run(env_dir: Path, args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(env_dir / "bin" / "criticdb"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, **env})


def test_the_wheel_has_one_import_name(wheel_env: Path, tmp_path: Path) -> None:
    py = str(wheel_env / "bin" / "python")
    for name in ("scrapers", "flows", "warehouse", "transforms", "dashboards"):
        out = subprocess.run([py, "-c", f"import {name}"], cwd=tmp_path, capture_output=True,
                             text=True)
        assert out.returncode != 0 and "No module named" in out.stderr, name
    out = subprocess.run([py, "-c", "import criticdb.scrapers, criticdb.demo; "
                          "print(criticdb.demo.__file__)"], cwd=tmp_path, capture_output=True,
                         text=True, check=True)
    assert str(REPO) not in out.stdout
    out = subprocess.run([py, "-c", "from criticdb.scrapers.extract import title_ranker, titles; "
                          "print(title_ranker.load(titles.FEATURES) is not None)"],
                         cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"  # the title ranker's weights are package data


def test_help_and_demo_run_from_another_directory(wheel_env: Path, tmp_path: Path,
                                                  prefect_server: None) -> None:
    from prefect.settings import PREFECT_API_URL

    assert "demo" in _run(wheel_env, ["--help"], tmp_path).stdout
    shipped = _run(wheel_env, ["remakes", "--format", "csv"], tmp_path).stdout.splitlines()
    assert shipped[0].startswith("remake_title,remake_year,original_title,original_year")
    assert len(shipped) > 700  # the remake catalogue is package data of the wheel
    out = _run(wheel_env, ["demo"], tmp_path, PREFECT_API_URL=PREFECT_API_URL.value())
    assert out.returncode == 0, out.stderr[-2000:]
    assert "64 extracted" in out.stdout
    assert (tmp_path / "criticdb.duckdb").is_file()
    assert (tmp_path / "report" / "index.html").is_file()
