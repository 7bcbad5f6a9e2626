"""Table-driven tests of project names in running text and task tables — ``(sentence, [expected names])``: the
work itself, without "Dự án" and the construction verb before it, with its stretch or phase. Texts are invented."""

from __future__ import annotations

import pytest

from loaders import extract_source
from loaders.read import from_text

HEADER = "TỈNH ỦY KON TUM\nSố 77-KL/TU\nKon Tum, ngày 3 tháng 3 năm 2025\n\nKẾT LUẬN\n\nBan Thường vụ kết luận:\n\n"

CASES = [
    (
        "1. Đẩy nhanh Dự án đường trục trung tâm xã Ia Chim (đoạn từ Quốc lộ 14 đến chợ Ia Chim).\n",
        ["Đường trục trung tâm xã Ia Chim (đoạn từ Quốc lộ 14 đến chợ Ia Chim)"],
    ),
    ("1. Quyết toán Dự án cải tạo Nhà văn hóa trung tâm xã trong quý IV/2025.\n", ["Nhà văn hóa trung tâm xã"]),
    (
        "1. Đầu tư xây dựng Khu công nghệ cao sinh học Kon Tum; hoàn thành hạ tầng Cụm công nghiệp Sa Thầy mở rộng "
        "giai đoạn 1.\n",
        ["Khu công nghệ cao sinh học Kon Tum", "Cụm công nghiệp Sa Thầy mở rộng giai đoạn 1"],
    ),
    (
        "1. Các công trình như Dự án Khu neo đậu tránh trú bão cho tàu cá Sa Huỳnh (giai đoạn 2) đang được triển khai.\n",
        ["Khu neo đậu tránh trú bão cho tàu cá Sa Huỳnh (giai đoạn 2)"],
    ),
    ("1. Thu hút các dự án đầu tư công trên địa bàn tỉnh.\n", []),  # no named work
    (
        "1. Thực hiện Dự án đầu tư xây dựng chợ trung tâm xã Đắk Hà, hoàn thành trong quý II/2025.\n",
        ["Chợ trung tâm xã Đắk Hà"],
    ),
    ("1. Hoàn thiện hạ tầng Khu công nghiệp Sao Mai II trong năm 2025.\n", ["Khu công nghiệp Sao Mai II"]),
    ("1. Bảo đảm an ninh khu vực giáp ranh Khu công nghiệp Sao Mai I.\n", []),  # a place, not a work
    # a name printed with the old tone placement is given in the new one, as bodies are
    ("1. Thực hiện Dự án xây dựng chợ trung tâm xã Tân Hoà trong năm 2025.\n", ["Chợ trung tâm xã Tân Hòa"]),
    # a lowercase work after a construction verb, made concrete by its number or its place's name
    (
        "1. Ưu tiên nâng cấp đường huyện 212C đoạn Tân Lập - Hòa Bình.\n",
        ["Đường huyện 212C đoạn Tân Lập - Hòa Bình"],
    ),
    ("1. Khởi công xây dựng cầu treo thôn Làng Mới trong quý III/2025.\n", ["Cầu treo thôn Làng Mới"]),
    ("1. Nâng cấp đường giao thông nông thôn, xây dựng trường học đạt chuẩn Quốc gia.\n", []),  # nothing named
    # site clearance and speeding up name a work too; its stretch through a district; a port, a digital park
    (
        "1. Hoàn thành giải phóng mặt bằng Đường bộ ven biển đoạn qua huyện Đắk Hà trong năm 2025.\n",
        ["Đường bộ ven biển đoạn qua huyện Đắk Hà"],
    ),
    (
        "1. Đẩy nhanh tiến độ Đường giao thông liên thôn Kon Đào - Tân Cảnh.\n",
        ["Đường giao thông liên thôn Kon Đào - Tân Cảnh"],
    ),
    ("1. Hoàn thành giai đoạn 1 Cảng nước sâu Mỹ Thủy trong năm 2025.\n", ["Cảng nước sâu Mỹ Thủy"]),
    ("1. Đưa Khu công nghệ số tập trung Kon Tum vào hoạt động.\n", ["Khu công nghệ số tập trung Kon Tum"]),
    ("1. Thu hút đầu tư vào Khu kinh tế cửa khẩu Bờ Y.\n", []),  # a zone, not a work
    (
        "1. Bố trí vốn cho Dự án đường Phan Đình Phùng kéo dài (đoạn qua phường Quyết Thắng) trong kế hoạch đầu tư "
        "công năm 2025.\n",
        ["Đường Phan Đình Phùng kéo dài (đoạn qua phường Quyết Thắng)"],
    ),
    # "và" inside a name until it has named something; a second work joined to the first by "và"
    (
        "1. Tập trung xây dựng Trường phổ thông nội trú liên cấp tiểu học và trung học cơ sở xã Ia Tơi và Trường "
        "phổ thông nội trú liên cấp xã Mô Rai, đưa vào sử dụng năm 2026.\n",
        [
            "Trường phổ thông nội trú liên cấp tiểu học và trung học cơ sở xã Ia Tơi",
            "Trường phổ thông nội trú liên cấp xã Mô Rai",
        ],
    ),
    # two verbs before the work; a city's name in a ring road's; a footnote mark and a remark on who does it
    (
        "1. Hoàn thành Dự án nâng cấp, mở rộng đường Hùng Vương (đoạn qua phường).\n",
        ["Đường Hùng Vương (đoạn qua phường)"],
    ),
    (
        "1. Khởi công đường Vành đai 4 Thành phố Hồ Chí Minh trong quý II/2026.\n",
        ["Đường Vành đai 4 Thành phố Hồ Chí Minh"],
    ),
    (
        "1. Đầu tư xây dựng Trung tâm dữ liệu tỉnh Kon Tum (Sở KH&ĐT phối hợp) và Dự án Trường liên cấp Đắk Tô²; "
        "hoàn thành năm 2026.\n",
        ["Trung tâm dữ liệu tỉnh Kon Tum", "Trường liên cấp Đắk Tô"],
    ),
    # "nối" ends a name that already names its work; it is the name of one whose ends name it
    (
        "1. Khởi công Cầu Sa Bình nối Kon Tum với Gia Lai trong quý II/2026.\n",
        ["Cầu Sa Bình"],
    ),
    (
        "1. Hoàn thành giải phóng mặt bằng Tuyến đường tránh nối Đắk Hà - Kon Plông giai đoạn 2 trong năm 2025.\n",
        ["Tuyến đường tránh nối Đắk Hà - Kon Plông giai đoạn 2"],
    ),
    # a market after a construction verb; a lowercase work joined by "và" to one the verb named
    ("1. Cải tạo Chợ Võ Thị Sáu theo mô hình chợ văn minh trong năm 2026.\n", ["Chợ Võ Thị Sáu"]),
    (
        "1. Giải ngân vốn công trình đường liên thôn Kon Rờ - Đắk Ring và nhà văn hóa thôn Kon Gung trong năm 2025.\n",
        ["Đường liên thôn Kon Rờ - Đắk Ring", "Nhà văn hóa thôn Kon Gung"],
    ),
    # a work of the province's own, named by its unit; a level ("cấp huyện") names none
    ("1. Mở rộng Trung tâm điều hành thông minh tỉnh, hoàn thành năm 2026.\n", ["Trung tâm điều hành thông minh tỉnh"]),
    ("1. Tạm dừng khởi công mới các dự án đầu tư trụ sở cấp huyện, cấp xã.\n", []),
    # a work said to be finished ("đã …") is no project to carry out; nor one joined to it
    (
        "1. Tỉnh đã hoàn thành đưa vào sử dụng cầu Sa Thầy trên Quốc lộ 14C và Đường tránh Kon Plông; khởi công Dự án "
        "đường cao tốc Quảng Ngãi - Kon Tum trong năm 2025.\n",
        ["Đường cao tốc Quảng Ngãi - Kon Tum"],
    ),
    # a stretch through a town or a hamlet of a ward; a purpose clause ends a name that has named its work
    (
        "1. Nâng cấp Đường tỉnh 675 đoạn qua thị trấn Sa Thầy và Kè bờ sông Đắk Bla đoạn qua tổ dân phố 3, phường "
        "Thắng Lợi; xây dựng Hồ chứa nước Đắk Pokei phục vụ tưới tiêu vùng Đắk Hà và Khu tái định cư phục vụ Cảng "
        "cạn Kon Tum.\n",
        [
            "Đường tỉnh 675 đoạn qua thị trấn Sa Thầy",
            "Kè bờ sông Đắk Bla đoạn qua tổ dân phố 3, phường Thắng Lợi",
            "Hồ chứa nước Đắk Pokei",
            "Khu tái định cư phục vụ Cảng cạn Kon Tum",
        ],
    ),
    # a work said to be finished after its name
    (
        "1. Hồ chứa nước Đắk Rơ Wa đã hoàn thành, tích nước; Cầu vượt sông Pô Kô (cầu Trần Hưng Đạo) đã hoàn thành, "
        "đưa vào sử dụng; Đường cao tốc Ngọc Hồi - Pleiku qua địa bàn tỉnh đã thông xe kỹ thuật.\n",
        [],
    ),
    # a Party organisation's unit and a place named like a work are no projects
    ("1. Đảng ủy Bệnh viện Đa khoa tỉnh và Đảng ủy phường Cầu Ông Lãnh tổ chức kiểm điểm.\n", []),
    # finished, said in the passive after its name
    ("Cầu Tuần Quán đã được đưa vào sử dụng; khởi công Cầu Văn Phú trong quý I/2025.\n", ["Cầu Văn Phú"]),
    # a part of the work in parentheses is not its name; a place in parentheses is
    (
        "- Hoàn thành dự án Cảng hàng không Phan Thiết (hạng mục dân dụng) trong năm 2025.\n",
        ["Cảng hàng không Phan Thiết"],
    ),
    # a school of two levels keeps its "và"
    (
        "1. Đầu tư xây dựng Trường Phổ thông nội trú liên cấp Tiểu học và Trung học cơ sở xã Khánh Lương, năm 2026.\n",
        ["Trường Phổ thông nội trú liên cấp Tiểu học và Trung học cơ sở xã Khánh Lương"],
    ),
    # finished, its "đã" earlier in the clause; and "Dự án X đã hoàn thành" (the name cut before "đã")
    (
        "- Tỉnh đã tổ chức khởi công Dự án đường liên kết vùng Hòa Bình - Hà Nam (giai đoạn 1) và hoàn thành, đưa vào "
        "sử dụng cầu Hòa Bình 3; Dự án Đường Bằng Vân - Thượng Quan đã hoàn thành, đưa vào sử dụng. Khởi công Cầu Văn "
        "Phú trong quý I/2025.\n",
        ["Đường liên kết vùng Hòa Bình - Hà Nam (giai đoạn 1)", "Cầu Văn Phú"],
    ),
    # works a plan funds, listed with their amounts after "gồm" / "trong đó"; a name ends before a colon
    (
        "1. Vốn cho 03 công trình khởi công mới: 42.620 triệu đồng, gồm Trạm cấp nước sinh hoạt ấp Bình Hòa; Nhà văn "
        "hóa xã Hồ Tràm; Trường Tiểu học Phước Thuận (xây mới 12 phòng học) 9.600 triệu đồng.\n2. Vốn đối ứng giải "
        "phóng mặt bằng Dự án đường ven biển Vũng Tàu - Bình Châu (đoạn qua xã Hồ Tràm): 12.000 triệu đồng.\n",
        [
            "Trạm cấp nước sinh hoạt ấp Bình Hòa",
            "Nhà văn hóa xã Hồ Tràm",
            "Trường Tiểu học Phước Thuận",
            "Đường ven biển Vũng Tàu - Bình Châu (đoạn qua xã Hồ Tràm)",
        ],
    ),
    # works as items of their own with their amounts; a road "nối dài" is extended; "vào danh mục" ends a name
    (
        "2. Danh mục dự án và mức vốn bố trí:\n- Đường Trần Hưng Đạo nối dài (đoạn từ đường Phú Riềng Đỏ đến đường Lê "
        "Duẩn): 58.000 triệu đồng, hoàn thành trong năm 2026;\n- Hệ thống thoát nước khu phố Suối Đá: 21.500 triệu "
        "đồng.\n3. Bổ sung Dự án Trường Tiểu học Tân Thiện vào danh mục dự án đầu tư công trung hạn.\n",
        [
            "Đường Trần Hưng Đạo nối dài (đoạn từ đường Phú Riềng Đỏ đến đường Lê Duẩn)",
            "Hệ thống thoát nước khu phố Suối Đá",
            "Trường Tiểu học Tân Thiện",
        ],
    ),
    # a list opened by a colon, each amount in parentheses; a work said to be finished is none
    (
        "1. Điều chỉnh giảm 28.000 triệu đồng của 02 dự án, gồm: Đường từ trung tâm xã Mường Mươn đi xã Pa Ham (giảm "
        "21.000 triệu đồng); Trụ sở làm việc Ủy ban nhân dân xã Sín Thầu (giảm 7.000 triệu đồng, dự án đã hoàn thành, "
        "quyết toán).\n2. Điều chỉnh tăng 20.000 triệu đồng cho 01 dự án: Đường nội thị thị xã Mường Lay (đoạn từ cầu "
        "Nậm Cản đến bản Chi Luông) (tăng 20.000 triệu đồng).\n",
        [
            "Đường từ trung tâm xã Mường Mươn đi xã Pa Ham",
            "Đường nội thị thị xã Mường Lay (đoạn từ cầu Nậm Cản đến bản Chi Luông)",
        ],
    ),
    # a name ends before its deadline ("chậm nhất ngày …"); a body's seat is no work ("tại trụ sở Tỉnh ủy")
    (
        "1. Ngày 14/01/2026, tại trụ sở Tỉnh ủy (phường Quy Nhơn), Thường trực Tỉnh ủy họp. Giải phóng mặt bằng Nhà "
        "máy điện gió Vĩnh Hậu 7 chậm nhất ngày 30-10-2024.\n",
        ["Nhà máy điện gió Vĩnh Hậu 7"],
    ),
    # a work after "đầu tư"; a passenger terminal and a port zone named as works
    (
        "1. Tập trung nguồn lực đầu tư Tuyến đường bộ ven biển tỉnh Quảng Bình (đoạn qua huyện Lệ Thủy và huyện Quảng "
        "Ninh); đẩy nhanh tiến độ Nhà ga hành khách T2 Cảng hàng không Đồng Hới và Khu bến cảng Hòn La (giai đoạn 2).\n",
        [
            "Tuyến đường bộ ven biển tỉnh Quảng Bình (đoạn qua huyện Lệ Thủy và huyện Quảng Ninh)",
            "Nhà ga hành khách T2 Cảng hàng không Đồng Hới",
            "Khu bến cảng Hòn La (giai đoạn 2)",
        ],
    ),
    # sluices and boat landings built
    (
        "1. Hỗ trợ kinh phí xây dựng Cống Bà Hiền; ưu tiên đầu tư Đường nối thị trấn Chợ Rã - hồ Ba Bể và Bến thuyền du "
        "lịch trung tâm hồ Ba Bể.\n",
        ["Cống Bà Hiền", "Đường nối thị trấn Chợ Rã - hồ Ba Bể", "Bến thuyền du lịch trung tâm hồ Ba Bể"],
    ),
    # after a board that also runs "các Khu công nghiệp …": the parks it builds, a port with its part in parentheses
    (
        "1. Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi chủ trì đẩy nhanh tiến độ hạ tầng Khu công "
        "nghiệp VSIP Quảng Ngãi (giai đoạn 2) và Cảng Dung Quất (khu bến cảng tổng hợp); hỗ trợ nhà đầu tư.\n",
        ["Khu công nghiệp VSIP Quảng Ngãi (giai đoạn 2)", "Cảng Dung Quất (khu bến cảng tổng hợp)"],
    ),
    # a work wrapped over two lines then said to be finished is none
    (
        "1. Thu ngân sách đạt 81,2% dự toán. Công trình cầu\n     Buôn Ea Kly đã hoàn thành, đưa vào sử dụng tháng 7/2024.\n",
        [],
    ),
    # a work said done with no time after it is finished; one to be done by a time is a project
    (
        "- Năm 2024, Dự án Hệ thống thủy lợi Bắc Bến Tre (giai đoạn 2) hoàn thành, góp phần bảo đảm nước sản xuất; Dự "
        "án Cầu Đình Khao hoàn thành trong quý IV/2025.\n",
        ["Cầu Đình Khao"],
    ),
    # a word ending in "cầu" before a capitalised name is no bridge
    ("- Yêu cầu Công an tỉnh bảo đảm an ninh mạng; đáp ứng nhu cầu Nhân dân, hội nhập toàn cầu Quý I/2026.\n", []),
]


def test_a_work_finished_in_the_part_reporting_the_past_is_no_project() -> None:
    text = HEADER.replace("Ban Thường vụ kết luận:\n\n", "") + (
        "1. Về kết quả năm 2024\nHoàn thành xây dựng Cầu Đắk Bla 2 và bàn giao nhà ở cho hộ nghèo.\n\n"
        "2. Về nhiệm vụ năm 2025\nHoàn thành xây dựng Cầu Đắk Bla 3 trong quý IV/2025.\n"
    )
    assert list(extract_source(from_text(text, name="kl.txt")).projects) == ["Cầu Đắk Bla 3"]


@pytest.mark.parametrize("sentence, names", CASES)
def test_project_names(sentence: str, names: list[str]) -> None:
    doc = extract_source(from_text(HEADER + sentence, name="kl.txt"))
    assert list(doc.projects) == names
