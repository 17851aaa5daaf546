"""Keep the README true: its config example is valid and every CLI option is documented."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from corpuslint.cli import build_parser
from corpuslint.config import parse
from corpuslint.session import open_session, plugin_spec

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_configuration_example_is_valid(tmp_path: Path) -> None:
    section = README.split("## Configuration", 1)[1]
    example = yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))  # type: ignore[union-attr]
    # The example names files a reader would create; everything else must load as is.
    for key in ("plugins", "plugin-dirs"):
        assert example.pop(key)
    example["options"]["anachronism"].pop("knowledge")
    settings = parse(example, "README.md", str(tmp_path))
    session = open_session(settings, plugin_spec(settings, (), ()))
    assert {rule.name for rule in session.registry.rules.values()} >= {"no-synergy", "boilerplate"}


def test_every_command_line_option_is_in_the_readme() -> None:
    for action in build_parser()._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert f"`{flag}" in README, f"{flag} is not documented in README.md"
