"""The documentation is true: every shell block runs, and the API reference is whole.

Shell blocks in ``docs/`` and ``README.md`` follow one convention:

- a ```` ```sh ```` (or ``bash``, ``shell``) block is commands, one a line (a line
  ending in a backslash continues on the next); each must exit 0;
- a ```` ```console ```` block is ``$ `` commands, each followed by the output it
  shows (standard output, then standard error), compared as doctest compares, with
  ``...`` matching anything; a last output line ``[exit N]`` says it exits ``N``;
- an HTML comment ``<!-- shell: not run (why) -->`` on the line before a block keeps
  it from running (an install, the minutes-long benchmark). Commands that install
  (``pip install``, ``npm ci``, ``python3 -m venv``) are never run, and the README's
  quick start is run by ``.ci/run`` exactly as written.

Blocks that start processes (a pipe, a redirection: ``bash``) or draw pictures take
about a second each: the quick Hypothesis profile skips them, and the thorough one,
which CI runs, runs every block.

Each page's blocks run in order in one temporary folder holding copies of
``examples/`` and ``tests/data/``, so blocks may use what an earlier block on the
same page wrote and none writes into the repository. A command that is ``ilacs``
with plain arguments runs in-process through :func:`ilacs.cli.main`; one with a pipe,
a redirection or a pattern runs through ``bash``, with the ``ilacs`` of this
environment first on the ``PATH``.
"""

import doctest
import importlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_runner import run_cli
from test_public_api import PUBLIC_MODULES as PINNED_PUBLIC_MODULES

ROOT = Path(__file__).parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
import ilacs_api  # type: ignore[import-not-found]  # noqa: E402 (found as conf.py finds it)

#: Blocks of pages this test does not own that fail as written, by (page, line):
#: each is an expected failure, and the test fails when one starts to pass.
KNOWN_FAILING: dict[tuple[str, int], str] = {}

#: Blocks of pages this test does not own that must not run, by (page, line).
NOT_RUN: dict[tuple[str, int], str] = {
    ("docs/performance.md", 14): "the benchmark takes minutes; CI runs bench/run.py --quick",
    ("docs/how-to/front-end.md", 43): "needs Node and the network; CI runs it for the tests",
}

_INSTALL = re.compile(r"^\s*(pip install|npm ci|python3? -m venv|\.venv/bin/python -m pip)")
_FENCE = re.compile(r"^```(?P<lang>sh|bash|shell|console)\s*$")
_NOT_RUN = re.compile(r"<!--\s*shell:\s*not run\b")
_EXIT = re.compile(r"^\[exit (\d+)\]$")
_SHELL_SYNTAX = re.compile(r"[|<>;&$*?`(){}\[\]~]")
#: Whether every block runs, slow ones too (the thorough profile, as in CI).
EVERY_BLOCK = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"


@dataclass(frozen=True)
class Command:
    """One command of a block, with the output and exit status it shows (if any)."""

    text: str
    output: str | None
    status: int


@dataclass(frozen=True)
class Block:
    """One shell block of a page."""

    page: str
    line: int
    commands: tuple[Command, ...]
    skipped: str | None

    @property
    def slow(self) -> bool:
        """Whether a command of the block starts a shell or draws a picture."""
        return any(
            not _in_process(command.text) or "picture" in command.text for command in self.commands
        )

    @property
    def id(self) -> str:
        """The block's test id: ``page:line``."""
        return f"{self.page}:{self.line}"


def _pages() -> list[Path]:
    docs = sorted(path for path in (ROOT / "docs").rglob("*.md") if "_build" not in path.parts)
    return [ROOT / "README.md", *docs]


def _join(lines: list[str]) -> Iterator[str]:
    """Lines with their backslash continuations joined."""
    pending = ""
    for line in lines:
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        yield pending + line
        pending = ""
    if pending:
        yield pending


def _commands(lang: str, body: list[str]) -> tuple[Command, ...]:
    if lang != "console":
        return tuple(
            Command(line.strip(), None, 0)
            for line in _join(body)
            if line.strip() and not line.strip().startswith("#")
        )
    commands: list[Command] = []
    text: str | None = None
    output: list[str] = []

    def close() -> None:
        if text is None:
            return
        status = 0
        if output and (found := _EXIT.match(output[-1].strip())):
            status = int(found.group(1))
            output.pop()
        commands.append(Command(text, "\n".join(output) + "\n" if output else "", status))

    for line in _join(body):
        if line.startswith("$ "):
            close()
            text, output = line[2:].strip(), []
        else:
            output.append(line)
    close()
    return tuple(commands)


def blocks() -> list[Block]:
    """Every shell block of the README and the docs."""
    found: list[Block] = []
    for path in _pages():
        page = path.relative_to(ROOT).as_posix()
        lines = path.read_text(encoding="utf-8").splitlines()
        heading = ""
        index = 0
        while index < len(lines):
            line = lines[index]
            if line.startswith("#"):
                heading = line
            fence = _FENCE.match(line)
            if not fence:
                index += 1
                continue
            end = lines.index("```", index + 1)
            body = lines[index + 1 : end]
            skipped = NOT_RUN.get((page, index + 1))
            if index and _NOT_RUN.search(lines[index - 1]):
                skipped = lines[index - 1]
            if page == "README.md" and "quick start" in heading.lower():
                skipped = ".ci/run runs the README's quick start as written"
            commands = tuple(
                command
                for command in _commands(fence["lang"], body)
                if not _INSTALL.match(command.text)
            )
            if not commands and skipped is None:
                skipped = "installs only"
            found.append(Block(page, index + 1, commands, skipped))
            index = end + 1
    return found


BLOCKS = blocks()


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One temporary working folder per page, made when its first block runs."""
    del tmp_path_factory
    return {}


def _folder(folders: dict[str, Path], page: str, factory: pytest.TempPathFactory) -> Path:
    if page not in folders:
        folder = factory.mktemp(page.replace("/", "-"))
        shutil.copytree(
            ROOT / "examples", folder / "examples", ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copytree(ROOT / "tests" / "data", folder / "tests" / "data")
        folders[page] = folder
    return folders[page]


def _in_process(command: str) -> bool:
    """Whether a command is ``ilacs`` with plain arguments, run through ``cli.main``."""
    command = command.replace(".venv/bin/", "")
    return command.startswith("ilacs ") and not _SHELL_SYNTAX.search(command.split("#")[0])


def _run(command: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run one command in ``folder``: its exit status and its output."""
    command = command.replace(".venv/bin/", "")
    words = shlex.split(command, comments=True)
    if _in_process(command):
        cwd = Path.cwd()
        os.chdir(folder)
        try:
            run = run_cli(capsys, *words[1:])
        finally:
            os.chdir(cwd)
        return run.status, run.out + run.err
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],  # noqa: S607
        cwd=folder,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def _params() -> list[object]:
    params: list[object] = []
    for block in BLOCKS:
        marks: list[pytest.MarkDecorator] = []
        reason = KNOWN_FAILING.get((block.page, block.line))
        if reason:
            marks.append(pytest.mark.xfail(reason=reason, strict=True))
        params.append(pytest.param(block, id=block.id, marks=marks))
    return params


class TestShellBlocks:
    """Every shell command in the README and the docs runs as the page says."""

    @pytest.mark.parametrize("block", _params())
    def test_the_block_runs_and_shows_what_it_prints(
        self,
        block: Block,
        folders: dict[str, Path],
        tmp_path_factory: pytest.TempPathFactory,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Each command exits as shown (0 unless ``[exit N]``) and prints what is shown."""
        if block.skipped:
            pytest.skip(block.skipped)
        if block.slow and not EVERY_BLOCK:
            pytest.skip("slow (a shell or a picture): run in the thorough profile, as CI does")
        folder = _folder(folders, block.page, tmp_path_factory)
        checker = doctest.OutputChecker()
        flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        for command in block.commands:
            status, output = _run(command.text, folder, capsys)
            assert status == command.status, f"$ {command.text}\n{output[:2000]}"
            if command.output is not None:
                assert checker.check_output(command.output, output, flags), (
                    f"$ {command.text}\nexpected:\n{command.output}\ngot:\n{output[:2000]}"
                )

    def test_the_convention_finds_the_blocks_and_their_output(self) -> None:
        """A console block's commands, shown output and exit status are read as written."""
        commands = _commands(
            "console",
            [
                "$ ilacs validate a.json \\",
                "    --format json",
                "out",
                "[exit 1]",
                "$ ilacs frameworks",
            ],
        )
        assert commands == (
            Command("ilacs validate a.json      --format json", "out\n", 1),
            Command("ilacs frameworks", "", 0),
        )
        assert any(block.page == "docs/how-to/command-line.md" for block in BLOCKS)

    def test_every_known_failure_and_skip_names_a_block(self) -> None:
        """An entry of KNOWN_FAILING or NOT_RUN that names no block is stale."""
        places = {(block.page, block.line) for block in BLOCKS}
        assert set(KNOWN_FAILING) <= places
        assert set(NOT_RUN) <= places


class TestApiReference:
    """The API reference documents every public name, at its public path."""

    def test_every_public_module_is_in_the_reference(self) -> None:
        """The reference covers every module the public surface test pins."""
        assert set(PINNED_PUBLIC_MODULES) <= set(ilacs_api.PUBLIC_MODULES)

    @pytest.mark.parametrize("module_name", ilacs_api.PUBLIC_MODULES)
    def test_every_name_in_all_is_on_its_page(self, module_name: str) -> None:
        """The module's page runs the generator, and it names every name of ``__all__``."""
        page = ROOT / "docs" / "reference" / "api" / f"{module_name}.md"
        assert f".. ilacs-api:: {module_name}" in page.read_text(encoding="utf-8")
        text = ilacs_api.module_rst(module_name)
        module = importlib.import_module(module_name)
        for name in module.__all__:
            qualified = f":: {module_name}.{name}"
            local = re.compile(
                rf"^\.\. py:\w+:: {re.escape(name)}\n   :module: {re.escape(module_name)}$",
                re.MULTILINE,
            )
            assert qualified in text or local.search(text), f"{module_name}.{name}"

    def test_an_object_with_two_public_names_is_documented_once(self) -> None:
        """``ilacs.validate`` is one function: its other names point to where it is."""
        chosen = ilacs_api.canonical_names()
        import ilacs  # noqa: PLC0415

        assert chosen[id(ilacs.Finding)] == "ilacs.validation.Finding"
        assert "autoclass:: ilacs.Finding\n" not in ilacs_api.module_rst("ilacs")
        assert "autoclass:: ilacs.Inspection" in ilacs_api.module_rst("ilacs")
