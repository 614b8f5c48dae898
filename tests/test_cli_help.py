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
