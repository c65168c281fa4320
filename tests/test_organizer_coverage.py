"""The recall probe of `bench.organizer_coverage`: which unlabelled leads count as plainly
reporting an organized event with a stated subject, and what its figures count (sentences of
unlabelled VietNews leads)."""

from __future__ import annotations

from bench.organizer_coverage import figures, subject_head


def test_an_organizing_verb_before_an_events_noun_with_a_named_subject_is_an_event_lead():
    lead = "Ngày 5/6, Văn phòng Đăng ký đất đai TP Đà Nẵng tổ chức buổi họp báo về việc điều động cán bộ."

    assert subject_head(lead) == "Văn phòng"


def test_the_agent_of_a_passive_organizing_clause_is_the_subject():
    lead = "Hội thảo lấy ý kiến sửa 5 Luật thuế do VCCI tổ chức sáng nay tại Hà Nội."

    assert subject_head(lead) == "do VCCI"


def test_a_lead_with_no_organized_event_is_not_an_event_lead():
    lead = "Ngày 27/3, Cơ quan Cảnh sát điều tra Công an TP. Hưng Yên cho biết đã khởi tố vụ án trộm cắp tài sản."

    assert subject_head(lead) is None


def test_coverage_counts_the_event_leads_given_an_organizer_and_noise_the_other_sampled_articles():
    results = {
        "a": {"head": "Bộ Y", "fixed": True, "organizers": [["Bộ Y tế", None]]},
        "b": {"head": "Sở Giao", "fixed": False, "organizers": []},
        "c": {"head": None, "fixed": True, "organizers": [["Hội An", None]]},
        "d": {"head": None, "fixed": True, "organizers": []},
    }

    counted = figures(results)

    assert counted["event leads given an organizer (coverage)"] == (1, 2)
    assert counted["other articles of the sample given one (noise)"] == (1, 2)
