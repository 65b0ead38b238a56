"""Where optout keeps its files, and the only way it reads and writes private ones."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path

import platformdirs

from optout import log
from optout.errors import Refused, Unavailable, UsageError

_PLATFORM_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _uid() -> int | None:
    """Return the current uid, or None where the OS has no uids."""
    getuid = getattr(os, "getuid", None)
    return getuid() if getuid is not None else None


def _check_owner(path: Path, st: os.stat_result) -> None:
    uid = _uid()
    if uid is not None and st.st_uid != uid:
        raise Refused(
            f"{path} belongs to another user (uid {st.st_uid}); optout will not use it.",
            hint=f"remove it, or set OPTOUT_HOME to a folder you own (you are uid {uid})",
        )


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed and make it 0700; refuse symlinks and others' dirs."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = path.lstat()
    except OSError as err:
        raise Unavailable(
            f"Could not create the folder {path} ({err.strerror}).",
            hint="check that its parent exists and is writable, or set OPTOUT_HOME",
        ) from err
    if stat.S_ISLNK(st.st_mode):
        # A planted symlink would redirect secrets into a folder someone else chose.
        raise Refused(
            f"{path} is a symbolic link; optout keeps secrets only in a real folder.",
            hint="remove the link, or set OPTOUT_HOME to a real folder",
        )
    if not stat.S_ISDIR(st.st_mode):
        raise Refused(f"{path} is not a folder.", hint="move it aside, or set OPTOUT_HOME")
    _check_owner(path, st)
    if stat.S_IMODE(st.st_mode) != 0o700:
        path.chmod(0o700)
    return path


def home() -> Path:
    """Return optout's folder: $OPTOUT_HOME, else the user data dir; created 0700."""
    configured = os.environ.get("OPTOUT_HOME", "")
    if configured:
        base = Path(configured).expanduser().absolute()
    else:
        base = Path(platformdirs.user_data_dir("optout", appauthor=False))
    return ensure_private_dir(base)


def config_file() -> Path:
    """Return the path of the account list, home/config.json."""
    return home() / "config.json"


def sessions_dir() -> Path:
    """Return the folder of encrypted browser sessions, created 0700."""
    return ensure_private_dir(home() / "sessions")


def session_file(platform: str, account: str) -> Path:
    """Return the session file of one account; its name is a hash, never the account id."""
    if not _PLATFORM_NAME.fullmatch(platform):
        raise UsageError(f"{platform!r} is not a platform name.", hint="run: optout platforms")
    if not account:
        raise UsageError("The account id is empty.", hint="pass --account ID")
    digest = hashlib.sha256(account.encode("utf-8")).hexdigest()[:32]
    return ensure_private_dir(sessions_dir() / platform) / f"{digest}.session"


def _fsync_dir(directory: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return  # some platforms (Windows) cannot open folders; the rename is still atomic
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically as a 0600 file in a 0700 folder; refuse symlinks."""
    directory = ensure_private_dir(path.parent)
    try:
        st = path.lstat()
    except FileNotFoundError:
        pass
    else:
        if stat.S_ISLNK(st.st_mode):
            raise Refused(
                f"{path} is a symbolic link; optout will not write through it.",
                hint="remove the link and run the command again",
            )
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"{path} is not a regular file.", hint="move it aside")
        _check_owner(path, st)
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as err:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise Unavailable(
            f"Could not write {path} ({err.strerror}); the previous version is intact.",
            hint=f"check free disk space and the permissions of {directory}",
        ) from err
    _fsync_dir(directory)


def read_private(path: Path) -> bytes | None:
    """Read a private file: None if missing; refuse symlinks and others' files; fix loose modes."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as err:
        if err.errno == errno.ELOOP or (not _NOFOLLOW and path.is_symlink()):
            raise Refused(
                f"{path} is a symbolic link; optout will not follow it.",
                hint="remove the link and run the command again",
            ) from None
        raise Unavailable(f"Could not read {path} ({err.strerror}).", hint="check its permissions") from err
    try:
        # fstat the open descriptor, so the file checked is the file read.
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"{path} is not a regular file.", hint="move it aside")
        _check_owner(path, st)
        if stat.S_IMODE(st.st_mode) & 0o077:
            os.fchmod(fd, 0o600)
            log.get_logger().warning(
                "file.permissions_fixed",
                path=str(path),
                was=oct(stat.S_IMODE(st.st_mode)),
                now="0o600",
            )
        chunks: list[bytes] = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
