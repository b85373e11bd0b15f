r"""Writing files so that a failure never leaves a partial one.

Every file the library or the command line writes goes through :func:`write_atomically`:
the text is written to a temporary file in the target's own folder, flushed to disk,
and moved over the target in one step (:func:`os.replace`). If anything fails on the
way, the temporary file is removed and the target is left exactly as it was.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomically(folder / "plan.json", "{}\\n")
>>> (folder / "plan.json").read_text(encoding="utf-8")
'{}\\n'
"""

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ilacs.errors import FileWriteError

__all__ = [
    "FileWriteError",
    "open_atomically",
    "stream_name",
    "write_atomically",
    "write_bytes_atomically",
    "write_to",
]


def _check_target(target: Path) -> None:
    if target.is_dir():
        msg = f"cannot write {os.fspath(target)!r}: it is a folder"
        raise FileWriteError(msg, target=os.fspath(target))
    if not target.parent.is_dir():
        msg = f"cannot write {os.fspath(target)!r}: the folder {os.fspath(target.parent)!r} does not exist"
        raise FileWriteError(msg, target=os.fspath(target))


def open_atomically(
    target: str | os.PathLike[str], *, newline: str | None = None, encoding: str = "utf-8"
) -> contextlib.AbstractContextManager[IO[str]]:
    """A text file to write, which replaces ``target`` only when the block ends without error.

    Raises :class:`FileWriteError` naming the target when it cannot be written; an
    error raised inside the block passes through, and in both cases ``target`` is
    left as it was.
    """
    return _replacing(
        target, lambda descriptor: os.fdopen(descriptor, "w", encoding=encoding, newline=newline)
    )


@contextlib.contextmanager
def _replacing(
    target: str | os.PathLike[str], opener: Callable[[int], IO[Any]]
) -> Iterator[IO[Any]]:
    path = Path(target)
    _check_target(path)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        msg = f"cannot write {os.fspath(path)!r}: {error.strerror}"
        raise FileWriteError(msg, target=os.fspath(path)) from error
    try:
        with opener(descriptor) as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        _keep_mode(path, Path(temporary))
        Path(temporary).replace(path)
    except OSError as error:
        _remove(temporary)
        msg = f"cannot write {os.fspath(path)!r}: {error.strerror or error}"
        raise FileWriteError(msg, target=os.fspath(path)) from error
    except BaseException:
        _remove(temporary)
        raise


def _keep_mode(target: Path, temporary: Path) -> None:
    # A replaced file keeps its permissions; a new one gets the usual ones.
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    temporary.chmod(mode)


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)  # noqa: PTH108 (a str path from mkstemp)


def write_atomically(target: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``target`` atomically: the whole new file, or the old one untouched."""
    with open_atomically(target) as file:
        file.write(text)


def write_bytes_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (a picture, a workbook), as :func:`write_atomically`."""
    with _replacing(target, lambda descriptor: os.fdopen(descriptor, "wb")) as file:
        file.write(data)


def stream_name(stream: object) -> str:
    """The name an open stream gives itself, or ``'<stream>'``, for messages."""
    given = getattr(stream, "name", None)
    return given if isinstance(given, str) else "<stream>"


def write_to(target: str | os.PathLike[str] | IO[Any], data: str | bytes) -> None:
    """Write text or bytes to a path, atomically, or to an open stream of the same kind.

    Text goes to a path with its newlines as given. Any failure is a
    :class:`FileWriteError` naming the target; a path keeps the file it had.

    >>> import io
    >>> write_to(io.BytesIO(), "name")
    Traceback (most recent call last):
    ...
    ilacs.errors.FileWriteError: cannot write to '<stream>': it is not a text stream (open it in text mode)
    """
    binary = isinstance(data, bytes)
    if isinstance(target, str | os.PathLike):
        if isinstance(data, bytes):
            write_bytes_atomically(target, data)
        else:
            with open_atomically(target, newline="") as file:
                file.write(data)
        return
    kind, how = ("binary", "open it with 'wb'") if binary else ("text", "open it in text mode")
    name = stream_name(target)
    try:
        target.write(data)
    except TypeError as error:
        msg = f"cannot write to {name!r}: it is not a {kind} stream ({how})"
        raise FileWriteError(msg, target=name) from error
    except AttributeError:
        msg = f"cannot write to {type(target).__name__}: expected a path or a {kind} stream"
        raise FileWriteError(msg, target=name) from None
    except (OSError, ValueError) as error:
        msg = f"cannot write to {name!r}: {error}"
        raise FileWriteError(msg, target=name) from error
