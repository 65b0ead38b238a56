"""End to end: `optout platforms`, `optout guide` (with --open in a virtual display) and `scripts/new-flow`."""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from optout.sandbox import Sandbox
from tests.conftest import REPO, Optout
from tests.e2e.journey import until

META_FORM = "https://www.facebook.com/help/contact/6359191084165019"


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a usage error (exit 2), with nothing on stdout."""
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_platforms_json_lists_guides_with_their_mode(optout: Optout) -> None:
    done = optout("platforms", "--json")
    assert done.returncode == 0, done.stderr
    listed = {p["platform"]: p for p in json.loads(done.stdout)["platforms"]}
    assert {k: listed[k]["mode"] for k in ("meta", "slack", "reddit", "zoom")} == {
        "meta": "guided",
        "slack": "guided",
        "reddit": "informational",
        "zoom": "informational",
    }
    meta = listed["meta"]
    assert set(meta) >= {"platform", "title", "mode", "login", "confidence", "per_site", "sources", "settings"}
    assert meta["settings"] == [] and meta["login"] is None and meta["sources"]
    assert meta["guide"]["links"][0]["url"] == META_FORM
    assert meta["guide"]["verified_by_optout"] is False
    # A platform with a flow stays automated, with its guide attached.
    assert listed["linkedin"]["mode"] == "automated"
    assert listed["linkedin"]["settings"]
    assert "TS-DPRO" in listed["linkedin"]["guide"]["links"][0]["url"]
    assert listed["chatgpt"]["mode"] in ("guided", "automated")  # automated once its flow lands
    assert listed["chatgpt"]["guide"]["links"][0]["url"] == "https://privacy.openai.com/policies"


def test_platforms_text_says_how_each_guide_is_done(optout: Optout) -> None:
    done = optout("platforms")
    assert done.returncode == 0, done.stderr
    assert "meta  Meta (Facebook, Instagram)  [guided: by hand; optout cannot check it]" in done.stdout
    assert "reddit  Reddit  [informational: no opt-out exists]" in done.stdout
    assert "steps and links: optout guide slack" in done.stdout
    assert "(optout guide linkedin)" in done.stdout


def test_guide_meta_prints_the_steps_and_links(optout: Optout) -> None:
    done = optout("guide", "meta")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Meta (Facebook, Instagram) (meta)  [guided: you do this by hand]\n")
    assert "Steps:\n  1. " in out
    for url in (
        META_FORM,
        "https://www.facebook.com/help/contact/510058597920541",
        "https://www.facebook.com/privacy/genai",
    ):
        assert url in out
    assert "EU/EEA, the UK and Switzerland" in out
    assert "it never reports them as done" in out
    assert not re.search(r"status|\bok\b|✓|turned off|opted out", out, re.I), "a guide never claims a result"


def test_guides_for_platforms_with_flows_print_their_forms(optout: Optout) -> None:
    linkedin = optout("guide", "linkedin")
    assert linkedin.returncode == 0, linkedin.stderr
    assert "https://www.linkedin.com/help/linkedin/ask/TS-DPRO" in linkedin.stdout
    assert "The automated part: optout apply linkedin" in linkedin.stdout
    chatgpt = optout("guide", "chatgpt")
    assert chatgpt.returncode == 0, chatgpt.stderr
    assert "https://privacy.openai.com/policies" in chatgpt.stdout
    assert '"Do not train on my content"' in chatgpt.stdout
    slack = optout("guide", "slack")
    assert 'Email feedback@slack.com with the subject "Slack Global model opt-out request"' in slack.stdout
    zoom = optout("guide", "zoom")
    assert (zoom.returncode, "There is no setting to switch off here" in zoom.stdout) == (0, True)


def test_guide_of_an_unknown_id_is_a_one_line_usage_error(optout: Optout) -> None:
    line = one_line_error(optout("guide", "nosuchsite"))
    assert "'nosuchsite'" in line and "meta" in line and "optout platforms" in line


@pytest.mark.parametrize("command", ["apply", "verify"])
def test_apply_or_verify_of_a_guide_only_platform_points_to_the_guide(optout: Optout, command: str) -> None:
    done = optout(command, "meta")
    assert one_line_error(done) == "optout: meta has no automated setting; run: optout guide meta"
    assert done.stdout == ""
    as_json = optout(command, "meta", "--json")
    assert as_json.returncode == 2
    assert json.loads(as_json.stdout) == {"results": [], "new_settings": []}  # never a row, let alone an "ok" one


def test_show_of_a_guide_only_platform_prints_the_guide(optout: Optout) -> None:
    done = optout("show", "slack")
    assert done.returncode == 0, done.stderr
    assert "feedback@slack.com" in done.stdout and "never reports them as done" in done.stdout
    linkedin = optout("show", "linkedin")
    assert "run: optout guide linkedin" in linkedin.stdout


# -- guide --open: the test is the person at the screen, and closes the window as a person would --


class ClientMessage(ctypes.Structure):
    """Xlib's XClientMessageEvent (format 32)."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    """Xlib's XEvent: 24 longs, of which we use the client message."""

    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]


class WindowAttributes(ctypes.Structure):
    """Xlib's XWindowAttributes."""

    _fields_ = [
        *((name, ctypes.c_int) for name in ("x", "y", "width", "height", "border_width", "depth")),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        *((name, ctypes.c_int) for name in ("class_", "bit_gravity", "win_gravity", "backing_store")),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


IS_VIEWABLE = 2
CLIENT_MESSAGE = 33


def close_visible_windows(display: str) -> int:
    """Ask every visible top-level window that accepts it to close, as a window manager's close
    button does (a WM_DELETE_WINDOW message); return how many were asked."""
    library = ctypes.util.find_library("X11")
    if library is None:
        pytest.skip("libX11 is not installed: no way to press a window's close button")
    x11 = ctypes.CDLL(library)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, *[ctypes.c_void_p] * 4]
    x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
    x11.XGetWMProtocols.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_void_p]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
    x11.XFree.argtypes = [ctypes.c_void_p]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(display.encode())
    assert connection, f"cannot open display {display}"
    try:
        protocols_atom = x11.XInternAtom(connection, b"WM_PROTOCOLS", 0)
        delete_atom = x11.XInternAtom(connection, b"WM_DELETE_WINDOW", 0)
        root_out, parent_out = ctypes.c_ulong(), ctypes.c_ulong()
        children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        root = x11.XDefaultRootWindow(connection)
        x11.XQueryTree(
            connection,
            root,
            ctypes.byref(root_out),
            ctypes.byref(parent_out),
            ctypes.byref(children),
            ctypes.byref(count),
        )
        windows = [children[i] for i in range(count.value)]
        if children:
            x11.XFree(children)
        asked = 0
        for window in windows:
            attributes = WindowAttributes()
            if not x11.XGetWindowAttributes(connection, window, ctypes.byref(attributes)):
                continue
            protocols, how_many = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_int()
            if attributes.map_state != IS_VIEWABLE or not x11.XGetWMProtocols(
                connection, window, ctypes.byref(protocols), ctypes.byref(how_many)
            ):
                continue
            accepts = delete_atom in [protocols[i] for i in range(how_many.value)]
            x11.XFree(protocols)
            if not accepts:
                continue
            event = XEvent()
            event.xclient.type = CLIENT_MESSAGE
            event.xclient.window = window
            event.xclient.message_type = protocols_atom
            event.xclient.format = 32
            event.xclient.data[0] = delete_atom
            x11.XSendEvent(connection, window, 0, 0, ctypes.byref(event))
            asked += 1
        x11.XFlush(connection)
        return asked
    finally:
        x11.XCloseDisplay(connection)


def display_of(root_pid: int) -> dict[str, str] | None:
    """DISPLAY and XAUTHORITY that xvfb-run gave to the `optout` process below `root_pid`."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    todo = [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
            environ = (Path("/proc") / str(pid) / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"optout" in command and b"-m" in command:
            values = dict(item.decode().split("=", 1) for item in environ if b"=" in item)
            if "DISPLAY" in values:
                return {"DISPLAY": values["DISPLAY"], "XAUTHORITY": values.get("XAUTHORITY", "")}
    return None


@pytest.fixture
def opened(optout: Optout) -> Iterator[subprocess.Popen[str]]:
    """`optout guide meta --open` running in a virtual display (xvfb-run), as a person starts it."""
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (scripts/setup --test installs it)")
    process = subprocess.Popen(
        ["xvfb-run", "--auto-servernum", sys.executable, "-m", "optout", "guide", "meta", "--open"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=optout.env(),
        cwd=optout.home,
        start_new_session=True,
    )
    yield process
    if process.poll() is None:  # only when the test failed: stop what this test started
        os.killpg(process.pid, signal.SIGTERM)
        process.communicate(timeout=60)


def test_guide_open_shows_the_form_and_returns_when_the_window_is_closed(
    opened: subprocess.Popen[str], sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    def form_requested() -> bool:
        return any(
            r.host == "www.facebook.com" and r.path == "/help/contact/6359191084165019" for r in sandbox.requests()
        )

    until(form_requested, "the browser to load the objection form (through the sandbox)")
    screen = until(lambda: display_of(opened.pid), "the optout process in its virtual display")
    assert isinstance(screen, dict)
    assert opened.poll() is None, "optout returned before the window was closed"
    monkeypatch.setenv("XAUTHORITY", screen["XAUTHORITY"])  # Xlib reads it when connecting
    until(lambda: close_visible_windows(screen["DISPLAY"]), "a visible browser window to close")
    stdout, stderr = opened.communicate(timeout=120)
    assert opened.returncode == 0, stderr[-2000:]
    assert META_FORM in stdout
    assert f"Opened {META_FORM} in a browser window" in stdout
    assert "Window closed." in stdout
    assert "nothing about meta is reported as done" in stdout
    # It only looked: no form was posted, nothing else was asked for on Facebook's hosts.
    facebook = [r for r in sandbox.requests() if r.host.endswith("facebook.com")]
    assert facebook and all(r.method == "GET" for r in facebook)


# -- scripts/new-flow --------------------------------------------------------------------------


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The working tree as it is (tracked and new files, not ignored ones), in a temporary folder."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    copy = tmp_path / "repo"
    for name in filter(None, listed):
        source = REPO / name.decode()
        if source.is_file():
            target = copy / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return copy


def tool(name: str) -> str:
    """A tool from the test environment (ruff, mypy), next to this Python."""
    return str(Path(sys.executable).parent / name)


NEW_FILES = ("flows/demo-site.py", "optout/sandbox/sites/demo-site.py", "tests/e2e/test_demo-site.py")


def test_new_flow_writes_skeletons_that_pass_ruff_and_mypy_and_never_overwrite(repo_copy: Path) -> None:
    script = str(repo_copy / "scripts" / "new-flow")
    done = subprocess.run([script, "demo-site"], cwd=repo_copy, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    for name in NEW_FILES:
        assert (repo_copy / name).is_file(), name
    assert 'id = "demo-site"' in (repo_copy / "flows/demo-site.py").read_text()
    assert 'name = "demo-site"' in (repo_copy / "optout/sandbox/sites/demo-site.py").read_text()

    for command in ([tool("ruff"), "check", *NEW_FILES], [tool("ruff"), "format", "--check", *NEW_FILES]):
        checked = subprocess.run(command, cwd=repo_copy, capture_output=True, text=True, check=False)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    typed = subprocess.run([tool("mypy"), *NEW_FILES], cwd=repo_copy, capture_output=True, text=True, check=False)
    assert typed.returncode == 0, typed.stdout + typed.stderr

    before = {name: (repo_copy / name).read_text() for name in NEW_FILES}
    (repo_copy / NEW_FILES[2]).unlink()  # even one file that exists stops it
    again = subprocess.run([script, "demo-site"], cwd=repo_copy, capture_output=True, text=True, check=False)
    assert again.returncode == 1
    assert "not overwriting flows/demo-site.py" in again.stderr
    assert not (repo_copy / NEW_FILES[2]).exists()
    assert all((repo_copy / n).read_text() == before[n] for n in NEW_FILES[:2])


@pytest.mark.parametrize("name", ["Demo", "1demo", "demo_site", "../demo", "guides", ""])
def test_new_flow_refuses_a_name_that_is_not_a_platform_id(repo_copy: Path, name: str) -> None:
    done = subprocess.run(
        [str(repo_copy / "scripts" / "new-flow"), name], cwd=repo_copy, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert not list((repo_copy / "flows").glob("*demo*"))


def test_the_skeleton_s_own_test_passes_against_the_skeleton_replica(repo_copy: Path) -> None:
    made = subprocess.run([str(repo_copy / "scripts" / "new-flow"), "demo-site"], cwd=repo_copy, check=False)
    assert made.returncode == 0
    env = {**os.environ, "PYTHONPATH": str(repo_copy)}  # the copy's optout and flows, not this tree's
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", NEW_FILES[2]],
        cwd=repo_copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "3 passed" in done.stdout
