"""Atomic writes (ilacs.base.files): the whole new file, or the old one untouched."""

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ilacs.base.files import open_atomically, write_atomically, write_bytes_atomically
from ilacs.errors import FileWriteError, IlacsError

if TYPE_CHECKING:
    from collections.abc import Callable

EVERY_BYTE = bytes(range(256)) * 4


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


class TestWriteAtomically:
    """Text and bytes reach the file exactly, and a failure leaves what was there."""

    def test_text_is_written_with_its_newlines_as_given(self, tmp_path: Path) -> None:
        """UTF-8, no byte-order mark, newlines unchanged on this platform."""
        target = tmp_path / "briefing.md"
        write_atomically(target, "Máire\nline two\n")
        assert target.read_bytes() == "Máire\nline two\n".encode()

    def test_bytes_are_written_exactly(self, tmp_path: Path) -> None:
        """Every byte value, as a picture or a workbook holds them, with nothing translated."""
        target = tmp_path / "picture.png"
        write_bytes_atomically(target, EVERY_BYTE)
        assert target.read_bytes() == EVERY_BYTE
        assert _leftovers(tmp_path) == []

    def test_a_replaced_file_keeps_its_permissions(self, tmp_path: Path) -> None:
        """The new content takes the old file's mode, not the temporary file's."""
        target = tmp_path / "plan.json"
        target.write_text("old", encoding="utf-8")
        target.chmod(0o640)
        write_bytes_atomically(target, b"new")
        assert target.read_bytes() == b"new"
        assert target.stat().st_mode & 0o777 == 0o640

    def test_an_error_inside_the_block_leaves_the_old_file_and_no_temporary(
        self, tmp_path: Path
    ) -> None:
        """The error passes through; the target is as it was."""
        target = tmp_path / "plan.json"
        target.write_text("old", encoding="utf-8")

        def half_written() -> None:
            with open_atomically(target) as file:
                file.write("half a new file")
                _ = 1 / 0

        with pytest.raises(ZeroDivisionError):
            half_written()
        assert target.read_text(encoding="utf-8") == "old"
        assert _leftovers(tmp_path) == []

    @pytest.mark.parametrize("as_bytes", [False, True])
    def test_a_missing_folder_is_a_file_write_error_naming_it(
        self, tmp_path: Path, as_bytes: bool
    ) -> None:
        """FileWriteError is an IlacsError and an OSError, with the target."""
        target = tmp_path / "no" / "such" / "file.txt"
        write: Callable[[], None] = (
            (lambda: write_bytes_atomically(target, b"x"))
            if as_bytes
            else (lambda: write_atomically(target, "x"))
        )
        with pytest.raises(FileWriteError) as info:
            write()
        assert isinstance(info.value, IlacsError)
        assert isinstance(info.value, OSError)
        assert info.value.target == os.fspath(target)
        assert "does not exist" in str(info.value)

    def test_a_folder_as_the_target_is_refused_and_left(self, tmp_path: Path) -> None:
        """Writing over a directory is an error naming it; the directory stays."""
        target = tmp_path / "folder"
        target.mkdir()
        with pytest.raises(FileWriteError):
            write_bytes_atomically(target, b"x")
        assert target.is_dir()
