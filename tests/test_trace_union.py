"""Issue 16: the trace of a symbol naming a dated central document and an undated mention of it (which joins
it), both carried out, is read from kept rows too: the targets' range scans merged a page at a time, its totals
and its documents without tasks kept per trace key (:mod:`graph_api.flow.totals`) — equal to the flow computed at
the request, page by page, after a load, a replacement and a deletion; and the kept rows brought in step per change
equal a rebuild in full. Invented documents: plans carrying out 99-KL/TW dated (Lai Châu) and undated (Sơn La), a
conclusion carrying a plan out, a programme without tasks, a task carrying out both flows."""

from __future__ import annotations

from pathlib import Path

from test_flow_pages import aggregates, documents_of_tasks, pages_are_slices, totals, whole_counts

from graph_api import trace as T
from graph_api.flow import flow_for
from graph_api.flow import maintain as M
from graph_api.flow import pages as P
from graph_api.flow import targets as F
from graph_api.store import OxigraphStore
from graph_api.store.ingest import ingest
from ontology.iris import Iris

AS_OF = "2022-01-01"
DOC = "https://w3id.org/vankien/id/doc/"
DATED, UNDATED = DOC + "tw/kl/2021/99", DOC + "tw/kl/undated/99"
PLAN_LC, PLAN_SL, PROGRAMME_SL = (
    DOC + "lai-chau/tu/kh/2021/41",
    DOC + "son-la/tu/kh/2021/62",
    DOC + "son-la/tu/ctr/2021/70",
)

PLAN_LAI_CHAU = """TỈNH ỦY LAI CHÂU
Số 41-KH/TU

Lai Châu, ngày 20 tháng 6 năm 2021

KẾ HOẠCH
thực hiện Kết luận số 99-KL/TW ngày 12/5/2021 của Bộ Chính trị

Để thực hiện Kết luận số 99-KL/TW ngày 12/5/2021 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:

I. NHIỆM VỤ, GIẢI PHÁP

1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 30/9/2021.

2. Giao Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc chấp hành của các tổ chức đảng, thực hiện thường xuyên.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Giàng Páo Mỷ
"""
PLAN_SON_LA = """TỈNH ỦY SƠN LA
Số 62-KH/TU

Sơn La, ngày 02 tháng 7 năm 2021

KẾ HOẠCH
thực hiện Kết luận số 99-KL/TW của Bộ Chính trị

Để thực hiện Kết luận số 99-KL/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:

I. NHIỆM VỤ, GIẢI PHÁP

1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền, quán triệt nội dung Kết luận, hoàn thành trước ngày 30/8/2021.

2. Giao Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo rà soát các nghị quyết, hoàn thành trước ngày 31/12/2021.

3. Giao Ban Dân vận Tỉnh ủy theo dõi, đôn đốc việc thực hiện, thực hiện thường xuyên.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Hoàng Văn Chất
"""
CONCLUSION_LAI_CHAU = """KẾT LUẬN
của Ban Thường vụ Tỉnh ủy Lai Châu

Ngày 15/3/2022, Ban Thường vụ Tỉnh ủy họp, sau khi thảo luận, kết luận như sau:

1. Giao Ban Tuyên giáo Tỉnh ủy tiếp tục quán triệt, thực hiện Kế hoạch số 41-KH/TU ngày 20/6/2021 của Ban Thường vụ Tỉnh ủy, báo cáo trước ngày 30/6/2022.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Vũ Văn Hoàn
"""
PROGRAMME_SON_LA = """TỈNH ỦY SƠN LA
Số 70-CTr/TU

Sơn La, ngày 10 tháng 9 năm 2021

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Kế hoạch số 62-KH/TU ngày 02/7/2021 của Ban Thường vụ Tỉnh ủy

Để thực hiện Kế hoạch số 62-KH/TU ngày 02/7/2021 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 99-KL/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Hoàng Văn Chất
"""
CONCLUSION_SON_LA = """KẾT LUẬN
của Ban Thường vụ Tỉnh ủy Sơn La

Ngày 20/4/2022, Ban Thường vụ Tỉnh ủy họp, sau khi thảo luận, kết luận như sau:

1. Giao Ban Tuyên giáo Tỉnh ủy tiếp tục thực hiện Kế hoạch số 62-KH/TU ngày 02/7/2021 của Ban Thường vụ Tỉnh ủy và Kết luận số 99-KL/TW ngày 12/5/2021 của Bộ Chính trị, báo cáo trước ngày 30/6/2022.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Lò Minh Hùng
"""

FILES = {
    "a_laichau.txt": PLAN_LAI_CHAU,
    "b_sonla.txt": PLAN_SON_LA,
    "c_laichau.txt": CONCLUSION_LAI_CHAU,
    "d_sonla.txt": PROGRAMME_SON_LA,
    "e_sonla.txt": CONCLUSION_SON_LA,
}


def kept_equals_computed(store) -> dict:
    """The union's pages from the kept rows equal those of its flow computed at the request, by offset and by
    cursor; every page a slice of the whole trace with the documents of its tasks; the whole trace's totals."""
    ix = flow_for(store)
    kept = P.kept_of(ix, [DATED, UNDATED])
    assert kept is not None and kept.roots == (DATED, UNDATED) and kept.key == f"{DATED} {UNDATED}"
    whole = F.target_tasks(ix, [DATED, UNDATED], as_of=AS_OF)
    assert whole == F.target_tasks(ix, [DATED, UNDATED], as_of=AS_OF, kept=False)
    for limit in (1, 2, 3):
        for offset in range(0, whole["total"] + 1):
            args = {"as_of": AS_OF, "limit": limit, "offset": offset}
            assert F.target_tasks(ix, [DATED, UNDATED], **args) == F.target_tasks(
                ix, [DATED, UNDATED], **args, kept=False
            ), (limit, offset)
        after = None
        while True:
            page = F.target_tasks(ix, [DATED, UNDATED], as_of=AS_OF, limit=limit, after=after)
            assert page == F.target_tasks(ix, [DATED, UNDATED], as_of=AS_OF, limit=limit, after=after, kept=False)
            if page["next"] is None:
                break
            after = page["next"]
    traced = pages_are_slices(store, "99-KL/TW", 2)
    assert [d["iri"] for d in traced["targets"]] == [DATED, UNDATED]
    assert totals(traced) == whole_counts(traced)
    per_change = aggregates(ix)
    assert M.refresh(ix, full=True)
    assert aggregates(ix) == per_change  # the kept rows and totals brought in step per change: as rebuilt in full
    return traced


STEPS = [  # each step changes the store of the one before: the union's whole trace (tasks, documents, provinces),
    # its documents and those without tasks
    ("two plans", ["a_laichau.txt", "b_sonla.txt"], (5, 2, 2), [PLAN_LC, PLAN_SL], []),
    ("a conclusion, a programme", [*FILES], (7, 3, 2), [PLAN_LC, PROGRAMME_SL, PLAN_SL], [PROGRAMME_SL]),
    # the plan still carries the undated mention out by the programme's words; its tasks are gone with it
    ("the Sơn La plan deleted", ["-b_sonla.txt"], (4, 3, 2), [PLAN_LC, PROGRAMME_SL, PLAN_SL], [PROGRAMME_SL, PLAN_SL]),
]


def test_the_union_of_a_symbol_and_its_undated_mention_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "kl99"
    folder.mkdir()
    store = OxigraphStore(tmp_path / "store")
    try:
        for step, files, counts, documents, without_tasks in STEPS:
            for name in files:
                if name.startswith("-"):
                    (folder / name[1:]).unlink()
                    store.drop_graph(Iris().graph(name[1:], folder.name))
                    assert flow_for(store).sync(store) == (0, 1)
                else:
                    (folder / name).write_text(FILES[name], encoding="utf-8")
            ingest([folder], store)
            assert P.kept_of(flow_for(store), [DATED, UNDATED]) is not None
            assert M.BUILD["full"] == float(step == "two plans"), step  # brought in step per change after the first
            whole = kept_equals_computed(store)
            assert totals(whole) == counts and [d["iri"] for d in whole["documents"]] == documents, step
            assert [d["iri"] for d in documents_of_tasks(whole, [], True)] == without_tasks, step
            if "e_sonla.txt" in files:  # its task carries out the dated document and the undated one's plan
                task = next(t for t in whole["tasks"] if "son-la/conclusion" in t["task"])
                assert (task["via"], task["chain"]) == ("direct", [])
            alone = T.trace(store, "99-KL/TW", year=2021, as_of=AS_OF)  # the dated document alone: its own rows
            assert P.root_of(flow_for(store), [DATED]) == DATED
            assert alone["documents_total"] == 1 < whole["documents_total"], step
    finally:
        store.close()


def test_targets_no_kept_key_joins_are_computed(corpus_store) -> None:
    ix = flow_for(corpus_store)
    two = [DOC + "tw/nq/2024/57", DOC + "cp/nq/2025/03"]  # no symbol names both; the decree carries 57 out
    assert P.kept_of(ix, two) is None and all(P.root_of(ix, [t]) == t for t in two)
    for limit, offset in ((None, 0), (5, 0), (5, 35), (10, 70)):
        page = F.target_tasks(ix, two, as_of=AS_OF, limit=limit, offset=offset)
        assert page == F.target_tasks(ix, two, as_of=AS_OF, limit=limit, offset=offset, kept=False)
        assert (page["total"], page["documents_total"]) == (35, 2)  # a target is no document carrying one out
