"""The next round of a call, who of a person's organisations may apply, and how
amounts of đồng read."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from ecosystem.formatting import format_vnd
from ecosystem.models import Call, Criterion, Sector, Stage
from ecosystem.services.calls import (
    COPY_ROUND_ACTION,
    call_applicant_choices,
    call_copy,
    call_detail,
)
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    ResearchGroupFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROVINCE = ZoneInfo("Asia/Ho_Chi_Minh")
CHOICE_QUESTION = (
    "choice",
    {
        "key": "market",
        "label": "Thị trường",
        "label_en": "Market",
        "help_text": "",
        "help_text_en": "",
        "required": True,
        "options": [
            {"value": "province", "label": "Trong tỉnh", "label_en": "In the province"},
            {"value": "export", "label": "Xuất khẩu", "label_en": "Export"},
        ],
    },
)


def vi_round(number):
    with translation.override("vi"):
        return translation.gettext("(round %(number)d)") % {"number": number}


@pytest.fixture
def coordinator():
    return UserFactory(groups=["Coordinators"])


@pytest.fixture
def call():
    call = CallFactory(
        title="Ươm tạo khởi nghiệp 2026",
        title_en="Startup incubation 2026",
        slug="uom-tao-2026",
        accepts_research_groups=True,
        max_award=300_000_000,
        required_documents="Kế hoạch kinh doanh\nBáo cáo tài chính",
        required_documents_en="Business plan\nFinancial statement",
        criteria=[("Tính mới", 3), ("Thị trường", 2), ("Đội ngũ", 1)],
    )
    call.questions.append(CHOICE_QUESTION)
    call.save()
    call.eligible_stages.set([Stage.objects.get(slug="san-pham-mau")])
    call.eligible_sectors.set([Sector.objects.get(slug="thuy-san")])
    return call


def test_the_next_round_keeps_the_form_criteria_and_eligibility(call, coordinator):
    new_call = call_copy(call=call, by=coordinator)

    new_call.refresh_from_db()
    assert new_call.pk != call.pk
    assert new_call.previous_round == call
    assert new_call.programme == call.programme
    assert [(q.block_type, q.value["key"]) for q in new_call.questions] == [
        (q.block_type, q.value["key"]) for q in call.questions
    ]
    assert new_call.question_map()["market"].value["options"][1]["label_en"] == "Export"
    assert new_call.questions[0].value["label_en"] == call.questions[0].value["label_en"]
    copied = list(Criterion.objects.filter(call=new_call).order_by("sort_order"))
    assert [(c.name, c.weight, c.sort_order) for c in copied] == [
        ("Tính mới", 3, 0),
        ("Thị trường", 2, 1),
        ("Đội ngũ", 1, 2),
    ]
    assert Criterion.objects.filter(call=call).count() == 3  # the original keeps its own
    assert (new_call.accepts_startups, new_call.accepts_research_groups) == (True, True)
    assert not new_call.accepts_partners
    assert list(new_call.eligible_stages.values_list("slug", flat=True)) == ["san-pham-mau"]
    assert list(new_call.eligible_sectors.values_list("slug", flat=True)) == ["thuy-san"]
    assert new_call.max_award == 300_000_000
    assert new_call.required_documents_en == "Business plan\nFinancial statement"


def test_the_next_round_is_numbered_and_gets_a_slug_of_its_own(call, coordinator):
    new_call = call_copy(call=call, by=coordinator)

    assert new_call.title_en == "Startup incubation 2026 (round 2)"
    assert new_call.title == f"Ươm tạo khởi nghiệp 2026 {vi_round(2)}"
    assert new_call.slug == "uom-tao-2026-dot-2"

    third = call_copy(call=new_call, by=coordinator)
    # The round number is replaced, not added to.
    assert third.title_en == "Startup incubation 2026 (round 3)"
    assert third.slug == "uom-tao-2026-dot-3"


def test_copying_the_first_round_again_counts_every_round_so_far(call, coordinator):
    call_copy(call=call, by=coordinator)

    again = call_copy(call=call, by=coordinator)

    assert again.title_en.endswith("(round 3)")
    assert Call.objects.filter(slug__startswith="uom-tao-2026").count() == 3
    assert len({c.slug for c in Call.objects.all()}) == Call.objects.count()


def test_a_taken_slug_is_not_reused(call, coordinator):
    CallFactory(slug="uom-tao-2026-dot-2")

    new_call = call_copy(call=call, by=coordinator)

    assert new_call.slug == "uom-tao-2026-dot-2-2"


def test_an_open_call_copies_to_an_upcoming_round_of_the_same_length(call, coordinator):
    assert call.state == Call.State.OPEN

    new_call = call_copy(call=call, by=coordinator)

    assert new_call.state == Call.State.UPCOMING
    assert new_call.opens_at > call.closes_at
    assert new_call.closes_at - new_call.opens_at == call.closes_at - call.opens_at
    local = timezone.localtime(new_call.opens_at, PROVINCE)
    original = timezone.localtime(call.opens_at, PROVINCE)
    assert (local.year, local.month, local.day) == (original.year + 1, original.month, original.day)
    assert (local.hour, local.minute) == (original.hour, original.minute)


def test_last_years_call_does_not_copy_into_one_that_is_open_today(coordinator):
    # A year on, last year's round would be open right now: the copy skips to next year.
    now = timezone.now()
    last_year = CallFactory(opens_at=now - timedelta(days=375), closes_at=now - timedelta(days=335))

    new_call = call_copy(call=last_year, by=coordinator)

    assert new_call.state == Call.State.UPCOMING
    assert new_call.opens_at > now


def test_a_round_opening_on_29_february_moves_to_the_28th(coordinator):
    opens_at = datetime(2028, 2, 29, 8, 0, tzinfo=PROVINCE)
    call = CallFactory(opens_at=opens_at, closes_at=opens_at + timedelta(days=30))

    new_call = call_copy(call=call, by=coordinator)

    local = timezone.localtime(new_call.opens_at, PROVINCE)
    assert (local.month, local.day, local.hour) == (2, 28, 8)


def test_the_copy_is_logged_with_who_and_from_where(call, coordinator):
    new_call = call_copy(call=call, by=coordinator)

    entry = ModelLogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Call), object_id=str(new_call.pk)
    )
    assert entry.action == COPY_ROUND_ACTION
    assert entry.user == coordinator
    assert entry.data == {"source": {"id": call.pk, "title": call.title}, "round": 2}
    with translation.override("en"):
        assert entry.message == f"Created as round 2, copied from '{call.title}'"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "50.000.000\u00a0₫"), ("en", "50,000,000\u00a0₫")],
)
def test_amounts_of_dong_read_as_people_write_them(language, expected):
    with translation.override(language):
        assert format_vnd(50_000_000) == expected
        assert format_vnd(None) == ""
        assert format_vnd(0) == "0\u00a0₫"


def test_each_organisation_of_the_person_is_checked_against_the_call(call):
    person = UserFactory()
    eligible = StartupFactory(name="A Tôm Sạch", owner=person)
    StartupFactory(name="B Rong Nho", status="pending", owner=person)
    research_group = ResearchGroupFactory(name="C Công nghệ sinh học")
    MembershipFactory(organisation=research_group, user=person)
    StartupFactory(name="Someone else's")
    application = ApplicationFactory(call=call, organisation=eligible)

    choices = call_applicant_choices(call=call_detail(pk=call.pk), user=person)

    assert [choice.organisation.name for choice in choices] == [
        "A Tôm Sạch",
        "B Rong Nho",
        "C Công nghệ sinh học",
    ]
    assert [choice.eligible for choice in choices] == [True, False, True]
    assert choices[0].application == application
    with translation.override("en"):
        reasons = call_applicant_choices(call=call_detail(pk=call.pk), user=person)[1].reasons
    assert reasons == ["Only verified organisations can apply."]


def test_an_anonymous_visitor_has_no_organisations(call):
    assert call_applicant_choices(call=call, user=AnonymousUser()) == []


@pytest.mark.parametrize("count", [1, 5])
def test_checking_organisations_takes_the_same_queries_however_many(
    call, count, django_assert_num_queries
):
    person = UserFactory()
    for number in range(count):
        StartupFactory(name=f"Khởi nghiệp {number}", owner=person)
        group = ResearchGroupFactory()
        MembershipFactory(organisation=group, user=person)
    detailed = call_detail(pk=call.pk)

    # 3 kinds, with their sectors for two of them (no partners), and applications.
    with django_assert_num_queries(6):
        choices = call_applicant_choices(call=detailed, user=person)
    assert len(choices) == 2 * count
