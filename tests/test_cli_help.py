"""Every option of every sub-command says what it does, and its default when it has one;
the top-level help carries examples."""

from __future__ import annotations

import argparse

from criticdb.flows.cli import parser


def _subcommands(p: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_option_is_described_with_its_default() -> None:
    top = parser()
    assert "Examples" in top.format_help() or "example" in top.format_help().lower()
    for name, sub in _subcommands(top).items():
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            label = f"{name} {'/'.join(action.option_strings) or action.dest}"
            assert action.help and len(action.help) > 10, f"{label} has no description"
            has_default = action.default not in (None, False, argparse.SUPPRESS)
            if has_default:
                assert "default" in action.help, f"{label} does not say its default"


def test_readme_command_table_lists_every_option() -> None:
    """README and --help match: each sub-command's row names all of its options (`demo`
    says it takes `run`'s)."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    subs = _subcommands(parser())
    def row_of(name: str) -> str:
        return next(line for line in readme.splitlines()
                    if line.startswith(f"| `criticdb {name}"))

    for name, sub in subs.items():
        row = row_of(name)
        if "same options as `run`" in row:
            row += row_of("run")
        missing = [o for a in sub._actions for o in a.option_strings
                   if o.startswith("--") and o not in ("--help", "--sources") and o not in row]
        assert missing == [], (name, missing)
