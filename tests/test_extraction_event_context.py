"""Event types the lead reports, not the event of a file photo's caption nor one still to come.

The sentences come from titles and leads of VietNews articles (unlabelled ones with ids below
80,000, and tune rows), paragraphs joined by a newline as the extractor reads the lead.
"""

from __future__ import annotations

import pytest

from indexer.ingest.extraction.events import find_event_type


@pytest.mark.parametrize(("title", "lead"), [
    ("Nghị sĩ Mỹ yêu cầu điều tra Thái tử Arab Saudi vì vụ Khashoggi",
     "Hai thượng nghị sĩ Mỹ muốn chính quyền Trump xác định rõ vai trò của Thái tử Mohammed bin Salman trong vụ "
     "giết Khashoggi.\nThượng nghị sĩ Corker trong cuộc họp Uỷ ban Đối ngoại Thượng viện cuối năm 2017."),
    ("Putin tuyên bố không làm ngơ việc Mỹ đặt tên lửa tại châu Âu",
     "Nga khẳng định không muốn chạy đua vũ trang, nhưng sẵn sàng đáp trả nếu Mỹ đưa tên lửa hành trình tới châu "
     "Âu.\nTổng thống Putin trong một cuộc họp báo hồi năm 2018."),
    ("Nga ngăn Liên Hợp Quốc kêu gọi trừng phạt Triều Tiên",
     "Nga ngăn một tuyên bố tại Hội đồng Bảo an kêu gọi \"các biện pháp đáng kể\" để đáp trả việc Triều Tiên phóng "
     "thử tên lửa đạn đạo.\nMột phiên họp Hội đồng Bảo an."),
    ("Hàng chục tên lửa xuyên lục địa Triều Tiên sắp tham gia duyệt binh",
     "Các tên lửa đạn đạo Hwasong -15 sẽ tham gia lễ duyệt binh ngày 8/2 của Triều Tiên nhằm gửi thông điệp khiến "
     "người Mỹ \"run sợ\".\nTên lửa đạn đạo xuyên lục địa Triều Tiên trong lễ duyệt binh ngày 15/4/2017."),
])
def test_the_event_of_a_file_photos_caption_is_no_report(title, lead):
    assert find_event_type(title, lead) is None


@pytest.mark.parametrize(("title", "lead", "kind"), [
    ("Philippines tuyên bố sẽ xung đột nếu các nước khác lấy tài nguyên biển",
     "Tổng thống Rodrigo Duterte nói không có ý định tham gia vào một cuộc chiến liên quan tới tranh chấp lãnh thổ "
     "trên biển.\nTuyên bố được đưa ra trong một cuộc họp báo cuối tuần này.", "họp báo"),
    ("Ông Mai Tiến Dũng: Vụ Đồng Tâm, bên nào sai thì phải chịu trách nhiệm",
     "\"Nếu chính quyền sai thì nhận lỗi trước dân\", lãnh đạo Văn phòng Chính phủ nói về hướng giải quyết vụ việc."
     "\nHọp báo chính phủ tháng 4/2017", "họp báo"),
    ("Lãnh đạo Hong Kong họp kín với nhóm thanh niên",
     "Trưởng đặc khu Carrie Lam cùng một số quan chức họp kín với khoảng 20 thanh niên một ngày sau các cuộc đụng độ "
     "biểu tình ở Hong Kong.\nTrưởng đặc khu Hong Kong Carrie Lam phát biểu tại buổi họp báo hôm nay.", "họp báo"),
])
def test_a_caption_of_the_reported_event_or_a_heading_naming_it_keeps_its_type(title, lead, kind):
    assert find_event_type(title, lead) == kind


@pytest.mark.parametrize(("title", "lead"), [
    ("Huỷ cuộc gặp Mỹ - Triều, Lầu Năm Góc sẵn sàng “chiến đấu ngay đêm nay”?",
     "Washington sẵn sàng bảo vệ lợi ích quốc gia, trong bối cảnh Nhà Trắng vừa quyết định huỷ cuộc họp cấp cao vào "
     "ngày 12/6 tới tại Singapore giữa Tổng thống Mỹ Donald Trump và nhà lãnh đạo Triều Tiên Kim Jong-un."),
    ("Mưa lớn kéo dài, đêm chung khảo HHVN phía Bắc có nguy cơ chuyển địa điểm",
     "Chỉ còn 1 tuần nữa, đêm chung khảo phía Bắc cuộc thi Hoa hậu Việt Nam 2018 sẽ được tổ chức."),
    ("Chấp hành viên khởi kiện đương sự ra toà",
     "TAND tỉnh Tiền Giang chuẩn bị đưa ra xét xử vụ kiện giữa nguyên đơn là chấp hành viên Chi cục Thi hành án dân "
     "sự TP Mỹ Tho với bị đơn là đương sự của một vụ kiện."),
    ("Hai miền Triều Tiên gặp cấp cao",
     "Cuộc gặp sẽ tập trung vào giải quyết vấn đề hạt nhân của Bình Nhưỡng cũng như lịch trình, nội dung hội nghị "
     "vào tháng sau."),
    ("Mỹ vẫn để ngỏ kế hoạch tiếp tục hội nghị thượng đỉnh với Triều Tiên",
     "Ngoại trưởng Mỹ Mike Pompeo cho biết hôm 31/5 rằng, các cuộc đàm phán nhằm thiết lập cuộc họp thượng đỉnh lịch "
     "sử giữa Tổng thống Mỹ Donald Trump và lãnh đạo Triều Tiên Kim Jong-un đang \"đi đúng hướng\"."),
    ("FBI mở cuộc điều tra tỷ phú \"ấu dâm\" Jeffrey Epstein chết bất thường trong nhà tù",
     "Tỷ phú Jeffrey Epstein được cho là tự tử khi đang bị giam giữ để chờ xét xử về tội buôn bán nô lệ tình dục."),
    ("Tại sao Tổng thống Putin dự APEC nhưng bỏ qua Đông Á?",
     "Tháng sau, các nhà lãnh đạo thế giới sẽ tập trung về Đông Nam Á để tham dự hai sự kiện quan trọng: Hội nghị "
     "thượng đỉnh Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương (APEC) tại thành phố Đà Nẵng của Việt Nam và Hội "
     "nghị thượng đỉnh Đông Á (EAS) tại Philippines."),
])
def test_an_event_still_to_come_or_only_aimed_at_is_no_report(title, lead):
    assert find_event_type(title, lead) is None


def test_an_event_a_purpose_goes_to_is_the_report():
    lead = ("Ông chủ tập đoàn Trung Nguyên lại dùng hẳn siêu xe Bentley Arnage 6 tỷ để đến phiên toà ly hôn của chính "
            "mình.")
    assert find_event_type("Đến toà ly hôn, ông Đặng Lê Nguyên Vũ đi giày 75 nghìn, cưỡi “quái xế” 6 tỷ đồng", lead) == "phiên tòa"


@pytest.mark.parametrize(("title", "lead"), [
    ("Trung Quốc chỉ trích Thủ tướng Canada ' bình luận vô trách nhiệm '",
     "Bắc Kinh yêu cầu Trudeau ngừng bình luận vô trách nhiệm sau khi ông chỉ trích toà án Trung Quốc tuỳ tiện tuyên "
     "án tử hình công dân Canada.\nThủ tướng Canada Justin Trudeau."),
    ("Thêm một bộ trưởng Anh từ chức, chính phủ xứ sương mù rối hơn",
     "Theo đài CNN (Mỹ) thủ tướng Anh Theresa May đã triệu hồi Bộ trưởng phát triển quốc tế Priti Patel từ Kenya về "
     "nước sau khi thông tin về các cuộc hội đàm bí mật của bà Patel với các quan chức Israel bị tiết lộ."),
    ("Thu tiền \"chống trượt tiếng Anh\", hàng loạt giảng viên ĐH Công nghiệp bị xử lý",
     "Đại học Công nghiệp Hà Nội ra quyết định kỷ luật cán bộ, giảng viên liên quan đến việc Khoa Ngoại ngữ tổ chức "
     "lớp bồi dưỡng nâng cao năng lực tiếng Anh khi chưa được nhà trường phê duyệt đề án."),
])
def test_an_event_inside_a_clause_the_main_clause_follows_from_is_background(title, lead):
    assert find_event_type(title, lead) is None


def test_an_event_right_after_sau_khi_is_the_report():
    lead = ("Chiều 30-11, sau khi tuyên án với 92 bị cáo liên quan đường dây đánh bạc ngàn tỉ qua mạng internet, Hội "
            "đồng xét xử (HĐXX) TAND tỉnh Phú Thọ đưa ra nhiều kiến nghị quan trọng.")
    assert find_event_type("Kiến nghị điều tra lời khai hối lộ 2 cựu tướng công an", lead) == "phiên tòa"


@pytest.mark.parametrize(("title", "lead"), [
    ("Kịch bản ứng phó dịch tả heo châu Phi của TP. HCM",
     "Phó chủ tịch thường trực UBND TP. HCM Lê Thanh Liêm đã yêu cầu Chi cục Chăn nuôi thú y TP, Sở Nông nghiệp và "
     "phát triển nông thôn (NN & PTNT) phải nhanh chóng tổ chức tập huấn cho Lực lượng Thanh niên xung phong."),
    ("Tổng thống Brazil bị cáo buộc tội tham nhũng, rửa tiền",
     "Cảnh sát liên bang Brazil vừa đệ trình hồ sơ cáo buộc các tội danh mới với Tổng thống Michel Temer, họ đề nghị "
     "mở phiên xét xử ông vì tội tham nhũng, rửa tiền và cấu kết nhận hối lộ."),
    ("Ông Nguyễn Hữu Linh đã mời luật sư bào chữa",
     "Chuẩn bị đưa ra xét xử về tội ' dâm ô đối với người dưới 16 tuổi ', ông Nguyễn Hữu Linh đã mời luật sư bào chữa "
     "cho mình."),
])
def test_an_event_asked_for_required_or_prepared_is_no_report(title, lead):
    assert find_event_type(title, lead) is None


@pytest.mark.parametrize(("title", "lead", "kind"), [
    ("Phó thủ tướng: Thu giấy phép lái xe với tài xế sử dụng ma tuý",
     "Phó thủ tướng thường trực Trương Hoà Bình, chủ tịch Uỷ ban An toàn giao thông quốc gia, đã yêu cầu như vậy tại "
     "cuộc họp với các bộ, ngành về các biện pháp cấp bách bảo đảm trật tự an toàn giao thông chiều 17-1.",
     "phiên họp"),
    ("Phu nhân Thủ tướng Singapore dùng ví chưa đầy 50 đô dự G20",
     "Chiếc ví là thiết kế của một sinh viên tại trường tự kỷ Pathlight, Singapore.\nBà Hà Tinh (hàng đầu, thứ hai "
     "từ phải sang) chụp ảnh lưu niệm cùng phu nhân các nguyên thủ tới Argentina dự hội nghị G 20.", "hội nghị"),
])
def test_a_request_made_at_the_event_or_a_place_in_a_photo_keeps_its_type(title, lead, kind):
    assert find_event_type(title, lead) == kind


@pytest.mark.parametrize(("title", "lead"), [
    ("Gặp chàng nam sinh sáng chế ghế chữa bệnh cho ông, tiết kiệm 75 triệu mỗi năm",
     "Với niềm đam mê khoa học, em Nguyễn Thiện Luận đã 3 lần “giật” giải trong các cuộc thi khoa học kỹ thuật cấp "
     "quốc gia được tổ chức tại khu vực phía Nam.\nClip em Nguyễn Thiện Luận với chiếc ghế trị thoái hoá cột sống."),
    ("Các ' thuyết âm mưu ' khi nguyên thủ bỏ dự APEC",
     "Luôn có 1.001 thuyết âm mưu mỗi khi có một nguyên thủ quốc gia hay quan chức cấp cao nào đó vắng mặt tại các "
     "cuộc họp cấp cao thường niên của Diễn đàn hợp tác kinh tế châu Á - Thái Bình Dương (APEC)."),
])
def test_many_events_of_a_kind_and_the_body_holding_them_are_no_report(title, lead):
    assert find_event_type(title, lead) is None


@pytest.mark.parametrize(("title", "lead"), [
    ("Bộ GD-ĐT rốt ráo tập huấn cho những người ' chọn sách giáo khoa '",
     "Đầu tháng 7 này, Bộ GD-ĐT sẽ tổ chức hội thảo tập huấn cho các thành viên dự kiến tham gia Hội đồng quốc gia "
     "thẩm định sách giáo khoa (SGK)."),
    ("Tháng 4 xét xử phúc thẩm vụ án chạy thận làm 9 người chết ở Hoà Bình",
     "5/7 bị cáo trong vụ án hình sự (chạy thận) liên quan đến sự cố y khoa xảy ra tại Bệnh viện Đa khoa (BVĐK) tỉnh "
     "Hoà Bình ngày 29/5/2017 làm 9 người chết đã gửi đơn kháng cáo. Dự kiến, tháng 4/2019, Toà án Nhân dân (TAND) "
     "tỉnh Hoà Bình sẽ mở phiên toà xét xử phúc thẩm vụ án."),
])
def test_a_headlines_event_the_lead_only_plans_is_no_report(title, lead):
    assert find_event_type(title, lead) is None


@pytest.mark.parametrize(("title", "lead"), [
    ("Hoa hậu Đại Dương: Không phải chiến thắng nào cũng ngọt ngào",
     "Vẫn biết rằng, mỹ quan của mỗi người mỗi khác nhưng có những chuẩn mực về cái đẹp mà tất cả chúng ta đều thừa "
     "nhận.\nSau mỗi cuộc thi nhan sắc là những ý kiến khen chê xoay quay đề tài xấu – đẹp, xứng đáng – không xứng đáng."),
    ("Vợ chồng Phương Vy - Sean Trace: Cặp đôi cổ tích của showbiz Việt",
     "Không ít khán giả phải thốt lên rằng, khó có cặp đôi nào trong showbiz có thể dung hoà được như Phương Vy và "
     "chồng Tây, Sean Trace.\nBước ra từ cuộc thi Việt Nam Idol, Phương Vy là một trong số ít những ca sĩ có cá tính "
     "âm nhạc riêng biệt."),
    ("Mâu Thuỷ sẽ là ứng cử viên nặng ký tại Hoa hậu Hoàn vũ VN 2017?",
     "Xuất hiện tại showroom của Lê Thanh Hoà, Mâu Thuỷ “lột xác” với vẻ ngoài dịu dàng, gợi cảm sau những tháng ngày "
     "bền bỉ luyện tập cho cuộc thi Hoa hậu Hoàn vũ Việt Nam 2017."),
    ("Phó Thủ tướng chỉ đạo đảm bảo ATGT đêm chung kết AFF Cup",
     "Uỷ ban An toàn Giao thông Quốc gia (UBATGTQG) vừa có công điện truyền đạt ý kiến chỉ đạo của Phó Thủ tướng Chính "
     "phủ Trương Hoà Bình về bảo đảm trật tự, an toàn giao thông cho các hoạt động cổ vũ đội tuyển bóng đá."),
])
def test_any_contest_a_stars_beginnings_her_training_or_a_football_final_is_no_contest_reported(title, lead):
    assert find_event_type(title, lead) is None


def test_a_contest_a_child_wins_is_reported():
    lead = ("Evan Le, cậu bé được ca ngợi là thần đồng piano, vừa vượt qua nhiều tài năng nhí khác ở cuộc thi âm nhạc "
            "của quận Cam, Mỹ, để mang về giải thưởng cao nhất.")
    assert find_event_type("Thần đồng gốc Việt 5 tuổi đoạt cúp piano quận Cam", lead) == "cuộc thi"
