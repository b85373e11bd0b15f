"""The package's folders are its layers, and the import contracts keep them so."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "ilacs"
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "importlinter"
]

#: The modules at the top of the package that are not a layer: the package itself, the
#: errors every layer raises, ``python -m ilacs``, the strategies edge, and the public
#: paths users import (each is one layer module under a short name).
TOP_LEVEL = {
    "__init__.py",
    "__main__.py",
    "errors.py",
    "strategies.py",
    "authorities.py",
    "calendar.py",
    "deadlines.py",
    "history.py",
    "importers.py",
    "national.py",
    "progress.py",
    "rules.py",
    "serialisation.py",
    "tabular.py",
    "validation.py",
}


def _layer_packages() -> list[str]:
    (layers,) = (c for c in CONFIG["contracts"] if c["type"] == "layers")
    names = [name.strip() for layer in layers["layers"] for name in layer.split("|")]
    return [name.removeprefix("ilacs.") for name in names]


class TestLayout:
    """The tree under src/ilacs reads as the architecture diagram."""

    def test_every_layer_of_the_contract_is_a_folder_or_a_top_level_module(self) -> None:
        """Each name in the layers contract exists where the diagram puts it."""
        for name in _layer_packages():
            assert (PACKAGE / name / "__init__.py").is_file() or (PACKAGE / f"{name}.py").is_file()

    def test_no_module_sits_outside_the_layers(self) -> None:
        """A new module goes into its layer's folder, not beside them."""
        loose = {path.name for path in PACKAGE.glob("*.py")} - TOP_LEVEL
        assert not loose, f"modules outside the layers: {sorted(loose)}"

    def test_the_architecture_page_names_every_layer_folder(self) -> None:
        """docs/explanation/architecture.md draws the same layers as the tree."""
        page = (ROOT / "docs" / "explanation" / "architecture.md").read_text(encoding="utf-8")
        for name in _layer_packages():
            shown = f"ilacs/{name}/" if (PACKAGE / name).is_dir() else f"ilacs/{name}.py"
            assert f"`{shown}`" in page or f"`ilacs/{name}.py`" in page, name

    def test_each_layer_package_says_what_it_holds(self) -> None:
        """Every layer's __init__ has a docstring saying what lives there."""
        for name in _layer_packages():
            init = PACKAGE / name / "__init__.py"
            if init.is_file():
                text = init.read_text(encoding="utf-8")
                assert text.startswith('"""'), name

    @pytest.mark.parametrize(
        "shim", sorted(TOP_LEVEL - {"__init__.py", "__main__.py", "errors.py", "strategies.py"})
    )
    def test_a_public_path_is_its_home_module_under_a_short_name(self, shim: str) -> None:
        """ilacs.rules exports exactly what ilacs.reasoning.rules exports, and the same objects."""
        import importlib  # noqa: PLC0415

        public = importlib.import_module(f"ilacs.{shim.removesuffix('.py')}")
        home = importlib.import_module(public._home.__name__)  # noqa: SLF001 (the shim's home)
        assert public.__all__ == home.__all__
        for name in home.__all__:
            if name != "validate":
                assert getattr(public, name) is getattr(home, name), name


class TestImportContracts:
    """import-linter's contracts (pyproject.toml) hold: imports point down the layers."""

    def test_the_contracts_are_kept(self) -> None:
        """lint-imports reports every contract kept; a broken one fails with its import chain."""
        command = Path(sys.executable).parent / "lint-imports"
        result = subprocess.run(
            [str(command), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "0 broken" in result.stdout

    def test_an_upward_import_would_break_the_layers(self, tmp_path: Path) -> None:
        """The contract is not vacuous: a model module importing the wire format is caught."""
        copy = tmp_path / "src"
        shutil.copytree(ROOT / "src", copy)
        target = copy / "ilacs" / "model" / "authority.py"
        target.write_text(
            target.read_text(encoding="utf-8") + "\nfrom ilacs.wire import serialisation\n",
            encoding="utf-8",
        )
        command = Path(sys.executable).parent / "lint-imports"
        result = subprocess.run(
            [str(command), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
            env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == 1, result.stdout + result.stderr
        assert "ilacs.model.authority -> ilacs.wire.serialisation" in result.stdout
