"""Write schemas/ afresh from the code: the JSON Schemas, their bundle and the TypeScript types.

Run from anywhere, after ``npm ci --prefix tests/js`` (the types need Node)::

    .venv/bin/python tests/js/regenerate.py

``tests/test_schema.py`` and ``tests/test_schema_agreement.py`` fail, naming this
command, when the files in ``schemas/`` differ from what the code generates.
"""

import subprocess
import sys
from pathlib import Path

from ilacs import serialisation
from ilacs.wire import schema

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
HERE = Path(__file__).resolve().parent
#: The one command that regenerates schemas/, as the failing tests say it.
COMMAND = ".venv/bin/python tests/js/regenerate.py"


def json_files() -> dict[str, str]:
    """The JSON files of schemas/ by name: one schema a document type, and the bundle."""
    version = serialisation.SCHEMA_VERSION
    files = {
        f"{name}.schema.json": schema.schema_text(serialisation.json_schema(name))
        for name in serialisation.DOCUMENT_TYPES
    }
    # The bundle, and so the TypeScript types, describe documents as ilacs writes them.
    written = {
        name: schema.document_schema(name, entry.model, version, as_written=True)
        for name, entry in serialisation.DOCUMENT_TYPES.items()
    }
    files["ilacs.schema.json"] = schema.schema_text(schema.bundle(written, version))
    return files


def typescript(bundle_text: str) -> str:
    """The TypeScript types json-schema-to-typescript makes of the bundle (needs Node)."""
    done = subprocess.run(
        ["node", str(HERE / "types.mjs")],  # noqa: S607 (node from PATH, as npm runs it)
        input=bundle_text,
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    if done.returncode != 0:
        sys.exit(f"node types.mjs failed:\n{done.stderr}")
    return done.stdout


def main() -> None:
    """Write every file of schemas/, and say which changed."""
    files = json_files()
    files["ilacs.d.ts"] = typescript(files["ilacs.schema.json"])
    SCHEMAS.mkdir(exist_ok=True)
    for name, text in files.items():
        path = SCHEMAS / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote schemas/{name}")  # noqa: T201 (a command's report)


if __name__ == "__main__":
    main()
