"""The interface text of the pages in Vietnamese and English, and how a request picks one.

`?lang=vi|en` wins, then the Accept-Language header, then the DEFAULT_LANG setting. Every
key exists in both languages (a test checks); a string may hold `{name}` placeholders.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

LANGUAGES = ("vi", "en")

STRINGS: dict[str, dict[str, str]] = {
    "vi": {
        "site_name": "Tìm kiếm tin tức",
        "tagline": "Tin tức cơ quan nhà nước Việt Nam",
        "skip_results": "Bỏ qua, đến kết quả",
        "skip_filters": "Đến bộ lọc",
        "query_label": "Từ khóa tìm kiếm",
        "query_placeholder": "Ví dụ: hội thảo chính phủ số",
        "search_button": "Tìm",
        "results_heading": "Kết quả",
        "count": "{total} kết quả ({ms} ms)",
        "count_none": "Không có kết quả nào ({ms} ms)",
        "page_of": "Trang {page}/{pages}",
        "did_you_mean": "Có phải bạn muốn tìm:",
        "accents_label": "Dấu",
        "accents_auto": "Theo cách gõ",
        "accents_exact": "Đúng dấu",
        "accents_ignore": "Bỏ qua dấu",
        "folded_none": "Không có kết quả đúng dấu như đã gõ;",
        "folded_few": "Chỉ {total} kết quả đúng dấu như đã gõ;",
        "folded_offer": "{count} kết quả khi bỏ qua dấu",
        "unquoted_none": "Không có bài nào chứa nguyên văn cụm từ trong ngoặc kép;",
        "unquoted_few": "Chỉ {total} bài chứa nguyên văn cụm từ trong ngoặc kép;",
        "unquoted_offer": "{count} kết quả khi bỏ ngoặc kép",
        "dropped_terms": "Câu tìm dài: đã bỏ qua các từ phổ biến nhất: {words}",
        "active_filters": "Đang lọc theo",
        "remove_filter": "Bỏ bộ lọc {label}",
        "clear_filters": "Xóa mọi bộ lọc",
        "facet_date": "Thời gian",
        "selected_hint": "(đang chọn; chọn lần nữa để bỏ)",
        "sort_label": "Sắp xếp",
        "sort_relevance": "Liên quan nhất",
        "sort_newest": "Mới nhất",
        "sort_oldest": "Cũ nhất",
        "filters_heading": "Bộ lọc",
        "facet_organizer": "Đơn vị tổ chức",
        "facet_person": "Nhân vật",
        "facet_source": "Nguồn",
        "facet_event_type": "Loại sự kiện",
        "facet_year": "Năm",
        "facet_count": "{count} kết quả",
        "histogram_heading": "Số bài theo tháng",
        "histogram_hint": "Chọn một cột để lọc theo tháng đó.",
        "histogram_peak": "Cột cao nhất: {count} bài",
        "histogram_bar": "Tháng {month}: {count} bài",
        "histogram_bar_selected": "Tháng {month}: {count} bài (đang lọc; chọn để bỏ)",
        "no_results": "Không tìm thấy bài nào. Hãy thử bỏ bớt bộ lọc hoặc dùng từ khóa khác.",
        "pagination": "Phân trang",
        "past_last_page": "Trang này nằm sau trang kết quả cuối cùng.",
        "previous": "Trang trước",
        "next": "Trang sau",
        "page_n": "Trang {page}",
        "export_heading": "Tải kết quả",
        "export_json": "JSON",
        "export_csv": "CSV",
        "export_atom": "Atom (theo dõi)",
        "export_ris": "RIS (trích dẫn)",
        "key_terms_heading": "Từ khóa nổi bật",
        "key_terms_hint": "Những từ phân biệt {sample} kết quả đầu với cả kho tin; bấm để thêm vào câu tìm.",
        "key_term_title": "Có trong {count}/{sample} kết quả đầu, {background} bài trong cả kho",
        "similar_heading": "Bài tương tự",
        "similar_hint": "Tìm theo các từ khóa của bài:",
        "other_language": "English",
        "other_language_name": "Switch to English",
        "meta_source": "Nguồn",
        "meta_date": "Ngày",
        "meta_published": "Ngày đăng",
        "meta_author": "Tác giả",
        "meta_organizers": "Đơn vị tổ chức",
        "meta_event_type": "Loại sự kiện",
        "meta_people": "Nhân vật",
        "meta_url": "Bài gốc",
        "metadata_heading": "Thông tin bài viết",
        "body_heading": "Nội dung",
        "back_to_search": "Về trang tìm kiếm",
        "part_of": "thuộc {parent}",
        "more_people": "Xem thêm {count} người",
        "error_title": "Lỗi {status}",
        "error_400": "Yêu cầu không hợp lệ",
        "error_404": "Không tìm thấy trang",
        "error_503": "Dịch vụ tạm thời chưa sẵn sàng",
        "error_other": "Đã có lỗi xảy ra",
        "error_detail": "Chi tiết kỹ thuật:",
        "footer": "Dữ liệu cũng có qua API JSON tại /api/v1.",
        "timeline_link": "So sánh theo thời gian",
        "timeline_heading": "Mức độ quan tâm theo thời gian",
        "timeline_intro": "So sánh số bài của tối đa 5 từ khóa theo ngày, tuần, tháng hoặc năm, và tỉ lệ trên tổng số bài của cùng kỳ.",
        "timeline_queries": "Từ khóa cần so sánh",
        "timeline_query_n": "Từ khóa {n}",
        "timeline_interval": "Theo",
        "timeline_interval_day": "ngày",
        "timeline_interval_week": "tuần",
        "timeline_interval_month": "tháng",
        "timeline_interval_year": "năm",
        "timeline_week_short": "tuần",
        "timeline_compare": "So sánh",
        "timeline_chart_count": "Số bài",
        "timeline_chart_ratio": "Tỉ lệ trên tổng số bài",
        "timeline_scale": "Đơn vị của biểu đồ",
        "timeline_scale_count": "Số bài",
        "timeline_scale_ratio": "Tỉ lệ",
        "timeline_legend": "Chú giải",
        "timeline_none": "Không có bài nào có ngày trong khoảng này.",
        "timeline_table_note": "Bảng dưới đây có cùng số liệu; mỗi số là liên kết đến các bài của kỳ đó.",
        "timeline_table": "Số liệu",
        "timeline_period": "Kỳ",
        "timeline_articles": "Số bài",
        "timeline_share": "Tỉ lệ",
        "timeline_all": "Tổng số bài",
        "timeline_point": "{query} · {period}: {count} bài ({percent})",
        "date_from": "Từ ngày",
        "date_to": "Đến ngày",
        "date_placeholder": "NNNN-TT-NN",
        "date_hint": "Năm (2021), tháng (2021-05) hoặc ngày (2021-05-07)",
        "histogram_list": "Danh sách {count} tháng có bài",
        "facet_more": "Xem thêm",
        "error_param": "Giá trị của tham số “{param}” không dùng được; hãy sửa hoặc bỏ nó.",
    },
    "en": {
        "site_name": "News search",
        "tagline": "News of Vietnamese government bodies",
        "skip_results": "Skip to results",
        "skip_filters": "Skip to filters",
        "query_label": "Search terms",
        "query_placeholder": "For example: hội thảo chính phủ số",
        "search_button": "Search",
        "results_heading": "Results",
        "count": "{total} results ({ms} ms)",
        "count_none": "No results ({ms} ms)",
        "page_of": "Page {page} of {pages}",
        "did_you_mean": "Did you mean:",
        "accents_label": "Diacritics",
        "accents_auto": "As typed",
        "accents_exact": "Exact spelling",
        "accents_ignore": "Ignore diacritics",
        "folded_none": "No results spelled as typed;",
        "folded_few": "Only {total} results spelled as typed;",
        "folded_offer": "{count} without diacritics",
        "unquoted_none": "No article has the quoted words word for word;",
        "unquoted_few": "Only {total} articles have the quoted words word for word;",
        "unquoted_offer": "{count} without the quotes",
        "dropped_terms": "Long query: its most common words were left out: {words}",
        "active_filters": "Filtered by",
        "remove_filter": "Remove filter {label}",
        "clear_filters": "Clear all filters",
        "facet_date": "Date",
        "selected_hint": "(selected; choose again to remove)",
        "sort_label": "Sort",
        "sort_relevance": "Most relevant",
        "sort_newest": "Newest",
        "sort_oldest": "Oldest",
        "filters_heading": "Filters",
        "facet_organizer": "Organizer",
        "facet_person": "People",
        "facet_source": "Source",
        "facet_event_type": "Event type",
        "facet_year": "Year",
        "facet_count": "{count} results",
        "histogram_heading": "Articles per month",
        "histogram_hint": "Choose a bar to filter to that month.",
        "histogram_peak": "Highest bar: {count} articles",
        "histogram_bar": "{month}: {count} articles",
        "histogram_bar_selected": "{month}: {count} articles (filtered; choose to remove)",
        "no_results": "No articles found. Try removing a filter or other search terms.",
        "pagination": "Pagination",
        "past_last_page": "This page lies past the last page of results.",
        "previous": "Previous page",
        "next": "Next page",
        "page_n": "Page {page}",
        "export_heading": "Download results",
        "export_json": "JSON",
        "export_csv": "CSV",
        "export_atom": "Atom feed",
        "export_ris": "RIS (citations)",
        "key_terms_heading": "Key terms",
        "key_terms_hint": "Words that set the first {sample} results apart from the whole collection; click one to add it to the query.",
        "key_term_title": "In {count} of the first {sample} results, {background} articles in the collection",
        "similar_heading": "Similar articles",
        "similar_hint": "Found by the article's key terms:",
        "other_language": "Tiếng Việt",
        "other_language_name": "Chuyển sang tiếng Việt",
        "meta_source": "Source",
        "meta_date": "Date",
        "meta_published": "Published",
        "meta_author": "Author",
        "meta_organizers": "Organizers",
        "meta_event_type": "Event type",
        "meta_people": "People",
        "meta_url": "Original article",
        "metadata_heading": "About this article",
        "body_heading": "Text",
        "back_to_search": "Back to search",
        "part_of": "part of {parent}",
        "more_people": "{count} more people",
        "error_title": "Error {status}",
        "error_400": "Bad request",
        "error_404": "Page not found",
        "error_503": "The service is not ready yet",
        "error_other": "Something went wrong",
        "error_detail": "Technical detail:",
        "footer": "The same data is available as JSON under /api/v1.",
        "timeline_link": "Compare over time",
        "timeline_heading": "Attention over time",
        "timeline_intro": "Compare how many articles up to 5 queries find per day, week, month or year, and their share of all articles of that period.",
        "timeline_queries": "Queries to compare",
        "timeline_query_n": "Query {n}",
        "timeline_interval": "Per",
        "timeline_interval_day": "day",
        "timeline_interval_week": "week",
        "timeline_interval_month": "month",
        "timeline_interval_year": "year",
        "timeline_week_short": "week",
        "timeline_compare": "Compare",
        "timeline_chart_count": "Articles",
        "timeline_chart_ratio": "Share of all articles",
        "timeline_scale": "What the chart shows",
        "timeline_scale_count": "Articles",
        "timeline_scale_ratio": "Share",
        "timeline_legend": "Legend",
        "timeline_none": "No dated article in this range.",
        "timeline_table_note": "The table below holds the same figures; each number links to that period's articles.",
        "timeline_table": "Figures",
        "timeline_period": "Period",
        "timeline_articles": "Articles",
        "timeline_share": "Share",
        "timeline_all": "All articles",
        "timeline_point": "{query} · {period}: {count} articles ({percent})",
        "date_from": "From",
        "date_to": "To",
        "date_placeholder": "YYYY-MM-DD",
        "date_hint": "A year (2021), month (2021-05) or day (2021-05-07)",
        "histogram_list": "List of the {count} months with articles",
        "facet_more": "Show more",
        "error_param": "The value of the parameter “{param}” cannot be used; correct it or leave it out.",
    },
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def choose_lang(args: Mapping[str, str], best_accepted: str | None, default: str) -> str:
    """The interface language: a valid `?lang`, else the best Accept-Language match, else `default`."""
    asked = (args.get("lang") or "").strip().lower()
    if asked in LANGUAGES:
        return asked
    if best_accepted in LANGUAGES:
        return best_accepted
    return default if default in LANGUAGES else LANGUAGES[0]


def translator(lang: str) -> Callable[..., str]:
    """t(key, **values): the text of `key` in `lang` with its placeholders filled."""
    table = STRINGS[lang]

    def t(key: str, **values: object) -> str:
        text = table[key]
        return text.format(**values) if values else text

    return t


def format_number(number: int, lang: str) -> str:
    """1234 as "1.234" in Vietnamese and "1,234" in English."""
    text = f"{number:,}"
    return text.replace(",", ".") if lang == "vi" else text


def format_decimal(value: float, lang: str) -> str:
    """A duration or measure with one decimal below 10 and none above: "2,5" in Vietnamese, "2.5" in English."""
    text = f"{value:.1f}" if value < 10 else f"{value:,.0f}"
    if lang == "vi":
        return text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


def format_date(value: str | None, lang: str) -> str:
    """An ISO date, month or year as people read it: 05/10/2022 in Vietnamese, 5 Oct 2022 in English."""
    if not value:
        return ""
    parts = value[:10].split("-")
    if not all(p.isdigit() for p in parts) or len(parts) > 3:
        return value
    if lang == "vi":
        return "/".join(reversed(parts))
    if len(parts) == 1:
        return parts[0]
    month = _MONTHS_EN[int(parts[1]) - 1] if 1 <= int(parts[1]) <= 12 else parts[1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
