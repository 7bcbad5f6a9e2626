"""Every CLI command (and sub-command) is in the README's command table, with an example in its --help."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from vankien.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    """``load``, ``view flow`` …: every leaf command of the CLI."""
    root = typer.main.get_command(app)
    names = []
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        if hasattr(command, "commands"):  # a group such as `view`
            names += [f"{name} {sub}" for sub in command.commands]
        else:
            names.append(name)
    return sorted(names)


def test_the_cli_has_the_commands_people_use() -> None:
    assert {"init", "load", "extract", "query", "trace", "serve", "view flow", "search", "deadlines"} <= set(
        command_names()
    )


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme_with_an_example(name: str) -> None:
    assert f"`vankien {name}" in README, f"README has no `vankien {name}` entry"
    group, _, leaf = name.rpartition(" ")
    root = typer.main.get_command(app)
    command = root.commands[group].commands[leaf] if group else root.commands[leaf]  # type: ignore[attr-defined]
    assert "Example:" in (command.help or ""), f"vankien {name} --help shows no example"
