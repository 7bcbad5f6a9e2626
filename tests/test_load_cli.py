"""`vankien load` on a folder of good documents mixed with bad files: a binary file, an empty
file, a 50 MB file, a file in a wrong encoding, a truncated .docx and a truncated .pdf. Each
bad file gets one clear line naming it in the summary; the good ones load, and the triples of
the good ones are the same as when they are loaded alone. Real CLI, real on-disk store."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures.vkbuild import make_docx, make_pdf

VANKIEN = str(Path(sys.executable).with_name("vankien"))

GOOD_TXT = (
    "ĐẢNG BỘ TỈNH ĐIỆN BIÊN\nTỈNH ỦY\n*\nSố 88-KL/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Điện Biên, ngày 12 tháng 4 năm 2024\n\nKẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về phát triển du lịch\n\n"
    "Thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy kết luận như sau:\n\n"
    "1. Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy xây dựng đề án "
    "phát triển du lịch, hoàn thành trước ngày 30/6/2024.\n\n"
    "2. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc, báo cáo Ban Thường vụ Tỉnh ủy.\n\n"
    "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrần Quốc Cường\n"
)
GOOD_MD = (
    "**TỈNH ỦY HÀ TĨNH**  \nSố 120-KH/TU\n\n*Hà Tĩnh, ngày 02 tháng 5 năm 2024*\n\n# KẾ HOẠCH\n\n"
    "## thực hiện Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị\n\n"
    "1. Giao Ban Tổ chức Tỉnh ủy chủ trì hướng dẫn đại hội đảng bộ cơ sở, hoàn thành trong quý III năm 2024.\n"
)
DOCX_PARAS = [
    "TỈNH ỦY SƠN LA",
    "Số 312-KH/TU",
    "Sơn La, ngày 26 tháng 02 năm 2025",
    "KẾ HOẠCH",
    "thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị",
    "1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kế hoạch.",
]
PDF_LINES = [
    "TỈNH ỦY NGHỆ AN",
    "Số 26-CTr/TU",
    "Nghệ An, ngày 05 tháng 10 năm 2023",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "thực hiện Nghị quyết số 39-NQ/TW, ngày 18/7/2023 của Bộ Chính trị",
    "1. Giao Ban Tuyên giáo Tỉnh ủy hướng dẫn học tập, quán triệt Nghị quyết.",
]


def write_good(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kl_dienbien.txt").write_text(GOOD_TXT, encoding="utf-8")
    (folder / "kh_hatinh.md").write_text(GOOD_MD, encoding="utf-8")
    (folder / "kh_sonla.docx").write_bytes(make_docx(DOCX_PARAS))
    (folder / "ctr_nghean.pdf").write_bytes(make_pdf(PDF_LINES))
    return ["kl_dienbien.txt", "kh_hatinh.md", "kh_sonla.docx", "ctr_nghean.pdf"]


def write_bad(folder: Path) -> dict[str, str]:
    """Bad files and a word their rejection reason must contain."""
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as f:  # 50 MB of otherwise valid text
        chunk = (GOOD_TXT * 40).encode("utf-8")
        while f.tell() < 50 * 1024 * 1024:
            f.write(chunk)
    (folder / "russian.txt").write_bytes(
        ("Постановление Центрального комитета о развитии экономики региона и задачах на год. " * 40).encode("koi8-r")
    )
    (folder / "cut.docx").write_bytes(make_docx(DOCX_PARAS * 20)[:1500])
    (folder / "cut.pdf").write_bytes(make_pdf(PDF_LINES * 20)[:800])
    return {
        "scan.txt": "binary",
        "empty.txt": "empty",
        "huge.txt": "large",
        "russian.txt": "encoding",
        "cut.docx": "docx",
        "cut.pdf": "pdf",
    }


def load(folder: Path, store: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [VANKIEN, "load", str(folder), "--store", f"oxigraph:{store}"], capture_output=True, text=True, timeout=600
    )


def summary(out: str) -> dict[str, int]:
    m = re.search(
        r"documents loaded: (\d+), unchanged: (\d+), rejected: (\d+), triples written: (\d+), "
        r"triples in store: (\d+)",
        out,
    )
    assert m, out
    return dict(zip(("loaded", "unchanged", "rejected", "written", "in_store"), map(int, m.groups())))


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("load")
    good = base / "good"
    names = write_good(good)
    mixed = base / "mixed"
    write_good(mixed)
    bad = write_bad(mixed)
    return {
        "names": names,
        "bad": bad,
        "good": load(good, base / "store-good"),
        "mixed": load(mixed, base / "store-mixed"),
    }


def test_good_files_alone_load(runs):
    r = runs["good"]
    assert r.returncode == 0, r.stderr[-2000:]
    s = summary(r.stdout)
    assert (s["loaded"], s["rejected"]) == (len(runs["names"]), 0)
    assert s["written"] > 0


def test_bad_files_do_not_stop_the_load(runs):
    r = runs["mixed"]
    assert r.returncode == 0, r.stderr[-2000:]
    s = summary(r.stdout)
    assert s["loaded"] == len(runs["names"])


@pytest.mark.parametrize(
    "name,word",
    [
        ("scan.txt", "binary"),
        ("empty.txt", "empty"),
        ("huge.txt", "large"),
        ("russian.txt", "encoding"),
        ("cut.docx", "docx"),
        ("cut.pdf", "pdf"),
    ],
)
def test_each_bad_file_has_one_clear_line(runs, name, word):
    lines = [l for l in runs["mixed"].stdout.splitlines() if l.startswith("rejected ") and name in l]
    assert len(lines) == 1, runs["mixed"].stdout
    reason = lines[0].split(name, 1)[1].lstrip(": ")
    assert word in reason.lower() and len(reason) < 200


def test_rejected_count_is_the_bad_files(runs):
    assert summary(runs["mixed"].stdout)["rejected"] == len(runs["bad"])


def test_triples_of_the_good_files_unchanged_by_the_bad_ones(runs):
    good, mixed = summary(runs["good"].stdout), summary(runs["mixed"].stdout)
    assert mixed["written"] == good["written"]
    assert mixed["in_store"] == good["in_store"]
