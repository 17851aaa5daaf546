"""Loading, listing, blocking and rejecting plugins: entry points, local files, plugin-dirs."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import CliResult

Cli = Callable[..., CliResult]

RULE_MODULE = '''
from corpuslint import hookimpl
from corpuslint.models import Violation
from corpuslint.rule import DocumentRule

__version__ = "{version}"


class Shout(DocumentRule):
    """
    ## What it does
    Reports the word SHOUT.

    ## Why is this bad?
    It is loud.

    ## Example
    `SHOUT`

    ## Options
    None.
    """

    code = "{code}"
    name = "{name}"
    summary = "The word SHOUT"

    def check(self, doc):
        at = doc.text.find("SHOUT")
        if at >= 0:
            yield Violation(at, at + 5, "{name} found SHOUT")


@hookimpl
def corpuslint_register_rules():
    return [Shout]
'''


def write_plugin(path: Path, code: str = "XT101", name: str = "shout", version: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(RULE_MODULE.format(code=code, name=name, version=version), encoding="utf-8")
    return path


def rule_names(listing: str) -> set[str]:
    """The names column of ``corpuslint rules``."""
    return {line.split()[1] for line in listing.splitlines()[1:] if line.strip()}


def write_module(path: Path, source: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus repository with one loud article, as the current directory."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("A quiet line.\nThen SHOUT here.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CORPUSLINT_DISABLE_PLUGINS", raising=False)
    return tmp_path


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Path]]:
    """Install a plugin module under an entry point, as pip would (a dist-info on sys.path)."""
    site = tmp_path / "site"
    modules: list[str] = []

    def install(
        module: str, source: str, dist: str = "corpuslint-fake", ep: str = "fake", version: str = "1.2.3"
    ) -> Path:
        write_module(site / f"{module}.py", source)
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[corpuslint]\n{ep} = {module}\n", encoding="utf-8")
        monkeypatch.syspath_prepend(str(site))
        modules.append(module)
        return site

    yield install
    for module in modules:  # the next test installs its own version under the same name
        sys.modules.pop(module, None)


def test_config_plugins_load_a_local_file_relative_to_the_config(project: Path, cli: Cli) -> None:
    write_plugin(project / "house_rules" / "my_rules.py")
    (project / "corpuslint.yaml").write_text('plugins: ["./house_rules/my_rules.py"]\n', encoding="utf-8")
    listing = cli("rules")
    assert listing.code == 0
    assert any(line.split()[:3] == ["XT101", "shout", "my_rules"] for line in listing.out.splitlines())
    result = cli("corpus", "-q")
    assert result.code == 1
    assert result.out.splitlines() == ["corpus/a.txt:2:6: XT101 shout found SHOUT"]


def test_config_plugin_paths_resolve_from_the_config_file_not_the_current_directory(
    project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_plugin(project / "house_rules" / "my_rules.py")
    (project / "corpuslint.yaml").write_text('plugins: ["house_rules/my_rules.py"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "corpus")
    assert "XT101 shout found SHOUT" in cli("a.txt", "-q").out


def test_cli_plugin_paths_resolve_from_the_current_directory(project: Path, cli: Cli) -> None:
    nested = project / "deep" / "er"
    nested.mkdir(parents=True)
    (project / "corpuslint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    write_plugin(nested / "mine.py")
    result = cli("--config", "corpuslint.yaml", "--plugin", "deep/er/mine.py", "corpus", "-q")
    assert result.out.splitlines() == ["corpus/a.txt:2:6: XT101 shout found SHOUT"], result.err


def test_plugin_dirs_load_every_public_module(project: Path, cli: Cli) -> None:
    write_plugin(project / "house" / "loud.py")
    write_plugin(project / "house" / "louder.py", code="XT102", name="shout-again")
    write_module(project / "house" / "_helpers.py", "raise RuntimeError('a private helper is not a plugin')\n")
    (project / "corpuslint.yaml").write_text("plugin-dirs: [house]\n", encoding="utf-8")
    assert {"shout", "shout-again"} <= rule_names(cli("rules").out)
    assert cli("corpus", "-q").out.count("found SHOUT") == 2


def test_a_missing_plugin_dir_is_a_config_error(project: Path, cli: Cli) -> None:
    (project / "corpuslint.yaml").write_text("plugin-dirs: [nowhere]\n", encoding="utf-8")
    result = cli("corpus")
    assert result.code == 2
    assert "corpuslint.yaml" in result.err and "plugin-dirs" in result.err and "nowhere" in result.err


def test_a_missing_plugin_file_names_the_plugin(project: Path, cli: Cli) -> None:
    result = cli("--plugin", "./nope.py", "corpus")
    assert result.code == 2
    assert "nope.py" in result.err and "no such file" in result.err


def test_a_plugin_that_fails_to_import_names_itself(project: Path, cli: Cli) -> None:
    write_module(project / "broken.py", "import a_module_that_is_not_there\n")
    result = cli("--plugin", "broken.py", "corpus")
    assert result.code == 2
    assert "broken.py' failed to import: ModuleNotFoundError" in result.err


def test_a_plugin_listed_twice_loads_once(project: Path, cli: Cli) -> None:
    write_plugin(project / "house_rules" / "my_rules.py")
    (project / "corpuslint.yaml").write_text('plugins: ["house_rules/my_rules.py"]\n', encoding="utf-8")
    result = cli("--plugin", "house_rules/my_rules.py", "corpus", "-q")
    assert result.out.splitlines() == ["corpus/a.txt:2:6: XT101 shout found SHOUT"]


def test_two_plugin_files_with_one_name_are_an_error(project: Path, cli: Cli) -> None:
    write_plugin(project / "a" / "rules.py")
    write_plugin(project / "b" / "rules.py", code="XT102", name="other")
    result = cli("--plugin", "a/rules.py", "--plugin", "b/rules.py", "corpus")
    assert result.code == 2
    assert "two plugins are named 'rules'" in result.err


def test_dash_p_no_blocks_a_plugin_by_name(project: Path, cli: Cli) -> None:
    write_plugin(project / "my_rules.py")
    assert "shout" in rule_names(cli("rules", "--plugin", "my_rules.py").out)
    blocked = cli("rules", "--plugin", "my_rules.py", "-p", "no:my_rules")
    assert blocked.code == 0 and "shout" not in rule_names(blocked.out)
    assert cli("--plugin", "my_rules.py", "-p", "no:my_rules", "corpus", "-q").out == ""


def test_dash_p_needs_the_no_prefix(project: Path, cli: Cli) -> None:
    result = cli("-p", "my_rules", "corpus")
    assert result.code == 2, "a usage error"
    assert result.err == "corpuslint: error: -p expects no:NAME, got 'my_rules'\n"


def test_the_environment_variable_blocks_plugins(project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    write_plugin(project / "my_rules.py")
    write_plugin(project / "other_rules.py", code="XT102", name="other")
    monkeypatch.setenv("CORPUSLINT_DISABLE_PLUGINS", "my_rules, other_rules")
    listing = rule_names(cli("rules", "--plugin", "my_rules.py", "--plugin", "other_rules.py").out)
    assert "shout" not in listing and "other" not in listing


def test_an_unknown_hook_is_an_error_naming_plugin_and_hook(project: Path, cli: Cli) -> None:
    write_module(
        project / "typo.py",
        """
        from corpuslint import hookimpl

        @hookimpl
        def corpuslint_register_rule():
            return []
        """,
    )
    result = cli("--plugin", "typo.py", "corpus")
    assert result.code == 2
    assert "plugin 'typo'" in result.err
    assert "'corpuslint_register_rule'" in result.err and "did you mean 'corpuslint_register_rules'" in result.err


def test_a_hook_with_arguments_its_spec_lacks_is_an_error(project: Path, cli: Cli) -> None:
    write_module(
        project / "greedy.py",
        """
        from corpuslint import hookimpl

        @hookimpl
        def corpuslint_register_rules(config):
            return []
        """,
    )
    result = cli("--plugin", "greedy.py", "corpus")
    assert result.code == 2
    assert "plugin 'greedy'" in result.err and "config" in result.err


def test_a_code_clash_with_a_builtin_names_both_plugins(project: Path, cli: Cli) -> None:
    write_plugin(project / "copycat.py", code="CL001", name="copycat")
    result = cli("--plugin", "copycat.py", "corpus")
    assert result.code == 2
    assert "CL001 copycat from plugin 'copycat'" in result.err
    assert "encoding-error from plugin 'corpuslint.rules.system'" in result.err and "same code" in result.err


def test_a_name_clash_between_two_plugins_names_both(project: Path, cli: Cli) -> None:
    write_plugin(project / "first.py", code="XT101", name="shout")
    write_plugin(project / "second.py", code="XT201", name="shout")
    result = cli("rules", "--plugin", "first.py", "--plugin", "second.py")
    assert result.code == 2
    assert "'first'" in result.err and "'second'" in result.err and "same name" in result.err


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("raise RuntimeError('boom')", "failed in corpuslint_register_rules: RuntimeError: boom"),
        ("return 'not a list'", "corpuslint_register_rules must return a list, got str"),
        ("return [object]", "which is not a DocumentRule or CorpusRule"),
    ],
)
def test_a_broken_registration_hook_names_the_plugin(project: Path, cli: Cli, body: str, message: str) -> None:
    write_module(
        project / "wobbly.py",
        f"""
        from corpuslint import hookimpl

        @hookimpl
        def corpuslint_register_rules():
            {body}
        """,
    )
    result = cli("rules", "--plugin", "wobbly.py")
    assert result.code == 2
    assert "plugin 'wobbly'" in result.err and message in result.err


def test_a_rule_that_crashes_is_an_internal_error_naming_its_plugin(project: Path, cli: Cli) -> None:
    source = RULE_MODULE.format(code="XT101", name="shout", version="").replace(
        'at = doc.text.find("SHOUT")', "at = 1 // 0"
    )
    write_module(project / "fragile.py", source)
    result = cli("--plugin", "fragile.py", "corpus", "-q")
    assert result.code == 2
    assert "CL003 rule shout (plugin fragile) crashed: ZeroDivisionError" in result.out


def test_entry_point_plugins_are_listed_with_version_and_hooks(
    project: Path, cli: Cli, installed: Callable[..., Path]
) -> None:
    installed("fake_rules", RULE_MODULE.format(code="XT101", name="shout", version="9.9"))
    plugins = {line.split()[0]: line.split()[1:] for line in cli("plugins").out.splitlines()}
    assert plugins["fake"] == ["1.2.3", "corpuslint_register_rules"], "the distribution's version wins"
    assert plugins["corpuslint.rules.system"] == ["builtin", "corpuslint_register_rules"]
    assert "XT101 shout found SHOUT" in cli("corpus", "-q").out


def test_entry_point_plugins_are_blocked_by_entry_point_or_distribution_name(
    project: Path, cli: Cli, installed: Callable[..., Path]
) -> None:
    installed("fake_rules", RULE_MODULE.format(code="XT101", name="shout", version=""))
    assert "shout" in rule_names(cli("rules").out)
    assert "shout" not in rule_names(cli("rules", "-p", "no:fake").out)
    assert "shout" not in rule_names(cli("rules", "-p", "no:corpuslint-fake").out)
    assert "fake" not in {line.split()[0] for line in cli("plugins", "-p", "no:fake").out.splitlines()}


def test_an_entry_point_that_fails_to_import_names_plugin_and_distribution(
    project: Path, cli: Cli, installed: Callable[..., Path]
) -> None:
    installed("fake_rules", "raise ImportError('half installed')\n")
    result = cli("corpus")
    assert result.code == 2
    assert "plugin 'fake'" in result.err and "corpuslint-fake" in result.err and "half installed" in result.err


def test_an_installed_plugin_also_named_in_config_loads_once(
    project: Path, cli: Cli, installed: Callable[..., Path]
) -> None:
    installed("fake_rules", RULE_MODULE.format(code="XT101", name="shout", version=""))
    (project / "corpuslint.yaml").write_text("plugins: [fake_rules]\n", encoding="utf-8")
    result = cli("corpus", "-q")
    assert result.code == 1, result.err
    assert result.out.count("found SHOUT") == 1


def test_local_plugins_are_listed_as_local(project: Path, cli: Cli) -> None:
    write_plugin(project / "my_rules.py")
    plugins = {line.split()[0]: line.split()[1:] for line in cli("plugins", "--plugin", "my_rules.py").out.splitlines()}
    assert plugins["my_rules"] == ["local", "corpuslint_register_rules"]


def test_worker_processes_load_the_same_local_plugins(project: Path, cli: Cli) -> None:
    write_plugin(project / "my_rules.py")
    for index in range(20):
        (project / "corpus" / f"b{index:02}.txt").write_text("SHOUT\n", encoding="utf-8")
    serial = cli("--plugin", "my_rules.py", "corpus", "-q", "-j", "1")
    parallel = cli("--plugin", "my_rules.py", "corpus", "-q", "-j", "2")
    assert serial.out.count("found SHOUT") == 21
    assert parallel.out == serial.out


def _distribution(site: Path, name: str, entry_points: str | None) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def test_the_quick_look_for_plugins_never_misses_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import entry_points

    from corpuslint.plugins import _may_declare_plugins

    # On the real path it agrees with importlib.metadata (never "no" when there is one).
    declared = {ep.name for ep in entry_points(group="corpuslint")}
    assert _may_declare_plugins(set()) == bool(declared)
    assert not _may_declare_plugins(declared)

    site = tmp_path / "site"
    _distribution(site, "plain", None)
    _distribution(site, "other_tool", "[console_scripts]\ncorpuslint = not.this:one\n")
    (site / "old.egg-info").write_text("Metadata-Version: 1.0\nName: old\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(site), str(tmp_path / "missing")])
    assert not _may_declare_plugins(set())
    _distribution(site, "ours", "# plugins\n[corpuslint]\n  house-style = house_style.rules\n\n[other]\nx = y\n")
    assert _may_declare_plugins(set())
    assert not _may_declare_plugins({"house-style"})
    archive = tmp_path / "bundle.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert _may_declare_plugins(set())  # not opened: the full lookup decides
