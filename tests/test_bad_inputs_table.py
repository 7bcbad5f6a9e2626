"""Issue 17: every bad input to the CLI ends in one line naming the input and the reason, with its exit code from
the table of ``core.errors`` (2 bad input, 3 store unavailable, 4 malformed query, 6 not found, 7 ambiguous);
every bad request to the API in a 4xx problem document (RFC 9457, ``application/problem+json``), never a 500.

One table of cases for each side; each case is one row: the input, the expected code or status, and a pattern
the one-line message must match."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from core.errors import AmbiguousSymbol, InputError, NotFound, QueryError, StoreError
from graph_api.http.app import create_app
from graph_api.store import open_store
from graph_api.store.ingest import ingest
from vankien.cli import app as cli_app
from vankien.cli_run import run

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
PLAN = ROOT / "tests" / "fixtures" / "deadlines"

BAD = InputError.exit_code
STORE = StoreError.exit_code
QUERY = QueryError.exit_code
MISSING = NotFound.exit_code
AMBIGUOUS = AmbiguousSymbol.exit_code


def _loaded(folder: Path) -> str:
    spec = f"oxigraph:{folder / 'store'}"
    with open_store(spec) as store:
        assert not ingest([CORPUS, PLAN], store).rejected
    return spec


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _loaded(tmp_path_factory.mktemp("bad-cli"))


@pytest.fixture(scope="module")
def junk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder whose only document cannot be read."""
    folder = tmp_path_factory.mktemp("junk")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF at all")
    return folder


CLI_CASES = [
    # (argv, exit code, pattern of the one line on stderr)
    (["lod"], BAD, r"no such command 'lod'\. Did you mean 'load'\?"),
    (["trace", "21-KL/TW", "--formt", "csv"], BAD, r"no such option --formt: did you mean --format\?"),
    (["search", "dang", "--knd", "task"], BAD, r"no such option --knd: did you mean --kind\?"),
    (["trace", "21-KL/TW", "--as-of", "2024-13-01"], BAD, r"--as-of 2024-13-01: not a date \(YYYY-MM-DD\)"),
    (["trace", "21-KL/TW", "--as-of", "yesterday"], BAD, r"--as-of yesterday: not a date"),
    (["trace", "21-KL/TW", "--format", "xml"], BAD, r"--format xml: not one of table, json, csv"),
    (["trace", "21-KL/TW", "--limit", "-1"], BAD, r"invalid value for '--limit'"),
    (["trace", "21-KL/TW", "--year", "abc"], BAD, r"invalid value for '--year'"),
    (["trace"], BAD, r"(?i)missing argument 'SYMBOL'"),
    (["trace", "99999-KL/TW"], MISSING, r"no document '99999-KL/TW' in the store$"),
    (["trace", "21-KL/TV"], MISSING, r"no document '21-KL/TV' in the store; did you mean '21-KL/TW'\?"),
    (["trace", "18-NQ/TW"], AMBIGUOUS, r"18-NQ/TW is ambiguous: 2 documents carry it; give --year"),
    (["trace", "18-NQ/TW", "--year", "1999"], MISSING, r"18-NQ/TW"),
    (["trace", "21-KL/TW", "--province", "Tuyen Quag"], MISSING, r"province 'Tuyen Quag' .*did you mean 'Tuyên Quang'"),
    (["query", "--file", "missing.rq"], BAD, r"missing\.rq: (No such file or directory|does not exist)"),
    (["query", "SELEC ?x WHERE { ?x ?p ?o }"], QUERY, r"malformed query"),
    (["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--format", "xml"], BAD, r"--format xml: not one of"),
    (
        ["query", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "--format", "csv"],
        BAD,
        r"--format csv: .*CONSTRUCT.*(turtle|ntriples)",
    ),
    (["query"], BAD, r"give a query or --file"),
    (["export", "--format", "xyz"], BAD, r"--format xyz: not one of"),
    (["load", "/nonexistent/folder"], BAD, r"no document loaded: 1 rejected"),
    (["load", "--workers", "abc", "x"], BAD, r"invalid value for '--workers'"),
    (["search", ""], BAD, r"search query '': has no word to search for"),
    (["search", "!!!"], BAD, r"search query '!!!': has no word to search for"),
    (["search", "dang", "--kind", "person"], BAD, r"kind 'person': not one of document, task, body, project"),
    (["search", "dang", "--format", "xml"], BAD, r"--format xml: not one of table, json"),
    (["deadlines", "--from", "2024-02-30"], BAD, r"--from 2024-02-30: not a date"),
    (["deadlines", "--to", "31/12/2025"], BAD, r"--to 31/12/2025: not a date"),
    (["deadlines", "--from", "2025-01-01", "--to", "2024-01-01"], BAD, r"the start is after the end"),
    (
        ["deadlines", "--province", "Lai Chao"],
        MISSING,
        r"province 'Lai Chao' is not in the store; did you mean 'Lai Châu'",
    ),
    (["deadlines", "--format", "xlsx"], BAD, r"--format xlsx: a spreadsheet is not printed: give -o"),
    (["deadlines", "--format", "pdf"], BAD, r"--format pdf: not one of table, json, csv, xlsx, ics"),
    (["deadlines", "--state", "late"], BAD, r"state 'late': not one of overdue, open"),
    (["deadlines", "--lang", "fr"], BAD, r"--lang fr: not one of vi, en"),
    (["deadlines", "--directive", "99999-KL/TW"], MISSING, r"no document '99999-KL/TW'"),
    (["stats", "--store", "ftp:x"], STORE, r"unknown store spec 'ftp:x'"),
    (["search", "dang", "--store", "oxigraph:/nonexistent/vankien-store"], STORE, r"/nonexistent/vankien-store"),
]


@pytest.mark.parametrize(("argv", "code", "pattern"), CLI_CASES, ids=[" ".join(c[0]) or "-" for c in CLI_CASES])
def test_cli_bad_input(argv, code, pattern, cli_store, junk, monkeypatch, capsys) -> None:
    monkeypatch.setenv("VANKIEN_STORE", cli_store)
    monkeypatch.setenv("COLUMNS", "80")
    assert run(cli_app, argv) == code
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert err and err[0].startswith("error: ") and re.search(pattern, err[0]), err
    if code == AMBIGUOUS:  # then the candidates, one indented line each, with year and title
        assert len(err) == 3 and all(line.startswith("  20") and "18-NQ/TW" in line for line in err[1:]), err
    else:
        assert len(err) == 1, err


def test_cli_load_of_files_all_rejected(junk, cli_store, monkeypatch, capsys) -> None:
    monkeypatch.setenv("VANKIEN_STORE", cli_store)
    assert run(cli_app, ["load", str(junk)]) == BAD
    out, err = capsys.readouterr()
    assert f"rejected {junk / 'broken.pdf'}" in out
    assert err.strip().startswith("error: no document loaded: 1 rejected") and len(err.strip().splitlines()) == 1


def test_the_console_script_prints_no_traceback(cli_store, tmp_path) -> None:
    """The installed command itself: one line, no traceback; --debug shows it."""
    exe = [sys.executable, "-c", "from vankien.cli import main; main()"]
    env = {"VANKIEN_STORE": cli_store, "PATH": "/usr/bin:/bin"}
    bad = subprocess.run(
        [*exe, "trace", "21-KL/TW", "--as-of", "2024-13-01"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert bad.returncode == BAD and "Traceback" not in bad.stderr
    assert bad.stderr.strip().splitlines() == [
        "error: --as-of 2024-13-01: not a date (YYYY-MM-DD): month must be in 1..12"
    ]
    debug = subprocess.run(
        [*exe, "--debug", "query", "--file", str(tmp_path / "missing.rq")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert debug.returncode != 0 and "Traceback" in debug.stderr
    version = subprocess.run([*exe, "--version"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert version.returncode == 0 and re.fullmatch(r"vankien \d+\.\d+\.\d+\S*\n", version.stdout)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):
    spec = _loaded(tmp_path_factory.mktemp("bad-api"))
    with TestClient(create_app(spec), raise_server_exceptions=False) as client:
        yield client


API_CASES = [
    # (path, status, pattern of the problem's detail)
    ("/api/trace/21-KL/TW?as_of=bad", 422, r"as_of"),
    ("/api/trace/21-KL/TW?as_of=2024-13-01", 400, r"as_of 2024-13-01: not a date"),
    ("/api/trace/21-KL/TW?limit=-1", 422, r"limit"),
    ("/api/trace/99999-KL/TW", 404, r"no document '99999-KL/TW'"),
    ("/api/trace/57-NQ/TV", 404, r"did you mean '57-NQ/TW'"),
    (
        "/api/trace/21-KL/TW?province=Lai%20Chao",
        404,
        r"province 'Lai Chao' is not in the store; did you mean 'Lai Châu'",
    ),
    ("/api/trace/18-NQ/TW", 409, r"18-NQ/TW is ambiguous"),
    ("/api/coverage/21-KL/TW?as_of=2024-02-30", 400, r"as_of 2024-02-30: not a date"),
    ("/api/search", 422, r"q"),
    ("/api/search?q=", 422, r"q"),
    ("/api/search?q=%21%21%21", 400, r"has no word to search for"),
    ("/api/search?q=dang&kind=person", 422, r"kind"),
    ("/api/search?q=dang&limit=0", 422, r"limit"),
    ("/api/deadlines?from=2024-13-01", 400, r"from 2024-13-01: not a date \(YYYY-MM-DD\): month must be in 1..12"),
    ("/api/deadlines?as_of=tomorrow", 422, r"as_of='tomorrow': String should match pattern"),
    ("/api/deadlines?from=2025-01-01&to=2024-01-01", 400, r"the start is after the end"),
    ("/api/deadlines?province=Lai%20Chao", 404, r"did you mean 'Lai Châu'"),
    ("/api/deadlines?state=late", 422, r"state='late': Input should be 'overdue' or 'open'"),
    ("/api/deadlines?directive=99999-KL/TW", 404, r"no document '99999-KL/TW'"),
    ("/api/deadlines.pdf", 422, r"ext"),
    ("/api/deadlines.xlsx?to=2025-13-31", 400, r"to 2025-13-31: not a date"),
    ("/api/deadlines?to=0", 422, r"to='0': String should match pattern"),
    ("/api/deadlines?directive=", 422, r"directive"),
    ("/api/documents/tw/kl/1999/1", 404, r"."),
    ("/api/documents?limit=0", 422, r"limit"),
    ("/api/documents?year=abc", 422, r"year"),
    ("/api/no-such-endpoint", 404, r"Not Found"),
]


@pytest.mark.parametrize(("path", "status", "pattern"), API_CASES, ids=[c[0] for c in API_CASES])
def test_api_bad_request(api, path: str, status: int, pattern: str) -> None:
    r = api.get(path)
    assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert problem["status"] == status and problem["type"].startswith("https://") and problem["title"]
    assert problem["instance"] == path.split("?")[0]
    assert "\n" not in problem["detail"] and re.search(pattern, problem["detail"]), problem["detail"]


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/deadlines?from=2024-13-01", 400, "from 2024-13-01: not a date (YYYY-MM-DD): month must be in 1..12"),
        ("/deadlines?province=Lai+Chao", 404, "province &#39;Lai Chao&#39; is not in the store; did you mean"),
        ("/search?q=%21%21%21", 400, "search query &#39;!!!&#39;: has no word to search for"),
        ("/document/nowhere/1", 404, "no document &#39;nowhere/1&#39; in the store"),
    ],
)
def test_pages_show_the_error_in_place(api, path: str, status: int, message: str) -> None:
    r = api.get(path)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    assert '<p class="error" role="alert">' + message in r.text


def test_the_table_holds_thirty_bad_inputs_or_more() -> None:
    assert len(CLI_CASES) + len(API_CASES) >= 30
