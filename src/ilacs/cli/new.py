"""``ilacs new``: a commented template of a document, to fill in by hand.

The templates are YAML files beside this module (``templates/``), filled with real
example values (Haringey's 2018 inspection) that load and validate as they stand,
every optional key shown and marked, so that a person can delete what does not
apply and replace the rest. ``ilacs new`` never overwrites a file.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="ilacs")
>>> add_commands(parser.add_subparsers(dest="command"))
>>> parser.parse_args(["new", "action-plan"]).type
'action-plan'
"""

import argparse
import importlib.resources
from pathlib import Path

from ilacs.cli import files, options
from ilacs.cli.status import OK, usage

__all__ = ["TEMPLATES", "add_commands", "template"]

#: The document types ``ilacs new`` writes, and the file of each template.
TEMPLATES = {"inspection": "inspection.yaml", "action-plan": "action_plan.yaml"}


def template(kind: str) -> str:
    """The commented YAML template of a document type (a key of :data:`TEMPLATES`).

    >>> print(template("inspection").splitlines()[0])
    # An ilacs inspection document, to fill in by hand (YAML; JSON works too).
    """
    if kind not in TEMPLATES:
        usage(f"no template is named {kind!r} (known: {', '.join(TEMPLATES)})")
    folder = importlib.resources.files("ilacs.cli") / "templates"
    return (folder / TEMPLATES[kind]).read_text(encoding="utf-8")


def _new(args: argparse.Namespace) -> int:
    text = template(args.type)
    if args.output not in (None, files.STDIN) and Path(args.output).exists():
        usage(f"{args.output} already exists: ilacs new never overwrites a file")
    files.write(text, args.output)
    return OK


def add_commands(commands: "options.Commands[argparse.ArgumentParser]") -> None:
    """Add ``ilacs new`` to the ``ilacs`` parser's commands (see the module's example)."""
    sub = options.add_command(
        commands,
        "new",
        _new,
        "A commented template of a document to fill in by hand (YAML).",
        "ilacs new action-plan -o plan.yaml",
    )
    sub.add_argument("type", choices=tuple(TEMPLATES), metavar="TYPE", help=" or ".join(TEMPLATES))
    options.add_output(sub)
