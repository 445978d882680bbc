"""Programmes and calls in the Wagtail admin: coordinators create and edit them
(the question form and the review criteria too), see their state, filter,
search and export them, and copy a call to its next round; editors cannot."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from ecosystem.admin.programmes import optional_url
from ecosystem.models import Call, Criterion, Programme, Sector, Stage
from ecosystem.services.calls import COPY_ROUND_ACTION
from tests.factories import CallFactory, ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db

PROGRAMMES = "/admin/snippets/ecosystem/programme/"
CALLS = "/admin/snippets/ecosystem/call/"
PROVINCE = ZoneInfo("Asia/Ho_Chi_Minh")


def admin_user(groups, *, language="en", time_zone=""):
    person = UserFactory(groups=groups)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = language
    profile.current_time_zone = time_zone
    profile.save()
    return person


@pytest.fixture
def coordinator():
    return admin_user(["Coordinators"])


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def editor_client():
    editor = Client()
    editor.force_login(admin_user(["Editors"]))
    return editor


def titles(response):
    return {call.title for call in response.context["object_list"]}


def form_errors(response):
    form = response.context["form"]
    return {name: [str(message) for message in errors] for name, errors in form.errors.items()}


def question(block_type, key, **extra):
    value = {
        "key": key,
        "label": f"Câu hỏi {key}",
        "label_en": f"Question {key}",
        "help_text": "",
        "help_text_en": "",
        "required": "on",
        **extra,
    }
    return (block_type, value)


def options(*values):
    return {
        "count": str(len(values)),
        **{
            str(index): {
                "value": {"value": value, "label": f"Lựa chọn {value}", "label_en": value},
                "deleted": "",
                "order": str(index),
                "id": "",
            }
            for index, value in enumerate(values)
        },
    }


def call_form_data(programme, **overrides):
    data = {
        "programme": str(programme.pk),
        "title": "Hỗ trợ thương mại hóa 2027",
        "title_en": "Market support 2027",
        "slug": "thuong-mai-hoa-2027",
        "summary": "",
        "summary_en": "",
        "opens_at": "2027-03-01 08:00",
        "closes_at": "2027-04-30 17:00",
        "accepts_startups": "on",
        "max_award": "300.000.000",
        "required_documents": "Kế hoạch kinh doanh",
        "required_documents_en": "Business plan",
        "questions": streamfield(
            [
                question("short_text", "product-name"),
                question("long_text", "plan", max_length="1500"),
                question("choice", "market", options=options("province", "export")),
                question("file", "business-plan"),
            ]
        ),
        "criteria": inline_formset(
            [
                {"name": "Tính mới", "name_en": "Novelty", "description": "", "weight": "3"},
                {"name": "Thị trường", "name_en": "Market", "description": "", "weight": "1"},
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_coordinators_find_programmes_and_calls_in_the_menu(coordinator_client, editor_client):
    home = coordinator_client.get("/admin/").content.decode()
    assert "Programmes" in home
    assert PROGRAMMES in home
    assert CALLS in home
    editor_home = editor_client.get("/admin/").content.decode()
    assert CALLS not in editor_home


@pytest.mark.parametrize("url", [PROGRAMMES, CALLS, f"{CALLS}add/", f"{PROGRAMMES}add/"])
def test_editors_are_refused(editor_client, url):
    response = editor_client.get(url)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == "/admin/"


def test_a_coordinator_creates_a_programme_with_a_budget_in_dong(coordinator_client, coordinator):
    response = coordinator_client.post(
        f"{PROGRAMMES}add/",
        {
            "name": "Chương trình ươm tạo 2027",
            "name_en": "Incubation programme 2027",
            "slug": "uom-tao-2027",
            "kind": "incubation",
            "description": "Ươm tạo doanh nghiệp khởi nghiệp.",
            "description_en": "",
            "coordinators": [str(coordinator.pk)],
            "total_budget": "2.500.000.000 ₫",
        },
    )

    assert response.status_code == 302
    programme = Programme.objects.get(slug="uom-tao-2027")
    assert programme.total_budget == 2_500_000_000
    assert list(programme.coordinators.all()) == [coordinator]


def test_the_programme_list_shows_the_budget_in_dong(client):
    client.force_login(admin_user(["Coordinators"], language="vi"))
    ProgrammeFactory(name="Quỹ hỗ trợ", total_budget=50_000_000)

    html = client.get(PROGRAMMES).content.decode()

    assert "50.000.000\u00a0₫" in html


def test_a_budget_that_is_not_a_number_is_a_form_error(coordinator_client):
    response = coordinator_client.post(
        f"{PROGRAMMES}add/",
        {"name": "X", "slug": "x", "kind": "grant", "total_budget": "nhiều tiền"},
    )

    assert response.status_code == 200
    assert form_errors(response)["total_budget"] == [
        "Hãy nhập số tiền (đồng) bằng chữ số, ví dụ: 50.000.000."
    ]
    assert not Programme.objects.filter(slug="x").exists()


def test_a_coordinator_creates_a_call_with_its_questions_and_criteria(coordinator_client):
    programme = ProgrammeFactory()
    aquaculture = Sector.objects.get(slug="thuy-san")
    data = call_form_data(programme)
    data["eligible_sectors"] = [str(aquaculture.pk)]

    response = coordinator_client.post(f"{CALLS}add/", data)

    assert response.status_code == 302, form_errors(response)
    call = Call.objects.get(slug="thuong-mai-hoa-2027")
    assert [(q.block_type, q.value["key"]) for q in call.questions] == [
        ("short_text", "product-name"),
        ("long_text", "plan"),
        ("choice", "market"),
        ("file", "business-plan"),
    ]
    assert call.question_map()["plan"].value["max_length"] == 1500
    assert [o["value"] for o in call.question_map()["market"].value["options"]] == [
        "province",
        "export",
    ]
    criteria = Criterion.objects.filter(call=call).order_by("sort_order")
    assert [(c.name_en, c.weight) for c in criteria] == [("Novelty", 3), ("Market", 1)]
    assert call.max_award == 300_000_000
    assert list(call.eligible_sectors.all()) == [aquaculture]
    # Typed on the province's clock.
    assert call.opens_at == datetime(2027, 3, 1, 8, 0, tzinfo=PROVINCE)
    assert call.closes_at == datetime(2027, 4, 30, 17, 0, tzinfo=PROVINCE)


def test_call_times_are_the_provinces_whatever_the_coordinators_time_zone(client):
    client.force_login(admin_user(["Coordinators"], time_zone="Europe/London"))
    programme = ProgrammeFactory()

    response = client.post(f"{CALLS}add/", call_form_data(programme))

    assert response.status_code == 302, form_errors(response)
    call = Call.objects.get(slug="thuong-mai-hoa-2027")
    assert call.closes_at == datetime(2027, 4, 30, 10, 0, tzinfo=ZoneInfo("UTC"))
    edit = client.get(f"{CALLS}edit/{call.pk}/").content.decode()
    assert 'value="2027-04-30 17:00"' in edit


def test_a_coordinator_edits_the_criteria_and_the_questions(coordinator_client):
    call = CallFactory(criteria=[("Tính mới", 2), ("Thị trường", 1)])
    kept, removed = Criterion.objects.filter(call=call).order_by("sort_order")
    data = call_form_data(
        call.programme,
        slug=call.slug,
        questions=streamfield([question("short_text", "product-name")]),
        criteria=inline_formset(
            [
                {"id": str(kept.pk), "name": "Tính mới", "name_en": "", "weight": "5"},
                {"id": str(removed.pk), "name": "Thị trường", "weight": "1", "DELETE": "1"},
                {"name": "Đội ngũ", "name_en": "Team", "weight": "2"},
            ],
            initial=2,
        ),
    )

    response = coordinator_client.post(f"{CALLS}edit/{call.pk}/", data)

    assert response.status_code == 302, form_errors(response)
    call.refresh_from_db()
    assert [q.value["key"] for q in call.questions] == ["product-name"]
    criteria = Criterion.objects.filter(call=call).order_by("sort_order")
    assert [(c.name, c.weight) for c in criteria] == [("Tính mới", 5), ("Đội ngũ", 2)]


def test_a_call_must_close_after_it_opens(coordinator_client):
    data = call_form_data(ProgrammeFactory(), closes_at="2027-03-01 08:00")

    response = coordinator_client.post(f"{CALLS}add/", data)

    assert response.status_code == 200
    assert form_errors(response)["closes_at"] == [
        "Thời gian đóng của đợt kêu gọi phải sau thời gian mở."
    ]
    assert not Call.objects.exists()


def test_a_call_needs_at_least_one_kind_of_organisation(coordinator_client):
    data = call_form_data(ProgrammeFactory())
    del data["accepts_startups"]

    response = coordinator_client.post(f"{CALLS}add/", data)

    assert response.status_code == 200
    assert form_errors(response)["__all__"] == ["Hãy chọn ít nhất một loại tổ chức được nộp hồ sơ."]
    # Shown at the top of the form, where the coordinator looks first.
    assert "Choose at least one kind of organisation that may apply." in (response.content.decode())
    assert not Call.objects.exists()


def test_question_keys_must_differ(coordinator_client):
    data = call_form_data(
        ProgrammeFactory(),
        questions=streamfield(
            [
                question("short_text", "plan"),
                question("number", "team-size"),
                question("long_text", "plan", max_length="1000"),
            ]
        ),
    )

    response = coordinator_client.post(f"{CALLS}add/", data)

    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["questions"][0]
    # Pinned to both repeated questions, next to their key.
    assert sorted(error.block_errors) == [0, 2]
    assert error.block_errors[2].block_errors["key"].messages == [
        "Another question has the key 'plan'; each key must be different."
    ]
    assert "team-size" not in str(error.as_json_data())
    assert not Call.objects.exists()


def test_choice_options_must_have_different_values(coordinator_client):
    data = call_form_data(
        ProgrammeFactory(),
        questions=streamfield(
            [question("multiple_choice", "markets", options=options("export", "local", "export"))]
        ),
    )

    response = coordinator_client.post(f"{CALLS}add/", data)

    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["questions"][0]
    option_errors = error.block_errors[0].block_errors["options"].block_errors
    assert sorted(option_errors) == [0, 2]
    assert option_errors[0].block_errors["value"].messages == [
        "Another option has the value 'export'."
    ]
    assert not Call.objects.exists()


def test_a_badly_formed_key_is_refused_without_a_server_error(coordinator_client):
    data = call_form_data(
        ProgrammeFactory(), questions=streamfield([question("short_text", "Tên sản phẩm")])
    )

    response = coordinator_client.post(f"{CALLS}add/", data)

    assert response.status_code == 200
    assert "questions" in response.context["form"].errors
    assert not Call.objects.exists()


@pytest.fixture
def calls():
    now = timezone.now()
    grants = ProgrammeFactory(name="Quỹ tài trợ", kind="grant")
    return {
        "open": CallFactory(title="Đang mở", programme=grants),
        "upcoming": CallFactory(
            title="Sắp mở",
            opens_at=now + timedelta(days=5),
            closes_at=now + timedelta(days=40),
        ),
        "closed": CallFactory(
            title="Đã đóng",
            opens_at=now - timedelta(days=60),
            closes_at=now - timedelta(seconds=1),
        ),
    }


def test_the_call_list_shows_each_calls_state_from_the_clock(coordinator_client, calls):
    soup = BeautifulSoup(coordinator_client.get(CALLS).content, "html.parser")

    states = {}
    for row in soup.select("tbody tr"):
        title = row.select_one("td a").get_text(strip=True)
        states[title] = row.select_one(".w-status").get_text(strip=True)
    assert states == {"Đang mở": "open", "Sắp mở": "upcoming", "Đã đóng": "closed"}


@pytest.mark.parametrize(
    ("state", "expected"),
    [("open", {"Đang mở"}), ("upcoming", {"Sắp mở"}), ("closed", {"Đã đóng"})],
)
def test_the_call_list_filters_by_state(coordinator_client, calls, state, expected):
    assert titles(coordinator_client.get(CALLS, {"state": state})) == expected


def test_the_state_filter_follows_the_clock_at_the_second(coordinator_client, calls):
    closing = calls["open"]
    Call.objects.filter(pk=closing.pk).update(closes_at=timezone.now() + timedelta(seconds=30))
    assert "Đang mở" in titles(coordinator_client.get(CALLS, {"state": "open"}))

    Call.objects.filter(pk=closing.pk).update(closes_at=timezone.now())
    assert "Đang mở" in titles(coordinator_client.get(CALLS, {"state": "closed"}))


def test_the_call_list_filters_by_programme_and_kind(coordinator_client, calls):
    grants = calls["open"].programme
    assert titles(coordinator_client.get(CALLS, {"programme": grants.pk})) == {"Đang mở"}
    by_kind = coordinator_client.get(CALLS, {"programme__kind": "incubation"})
    assert titles(by_kind) == {"Sắp mở", "Đã đóng"}


def test_the_call_list_searches_titles_and_programmes(coordinator_client, calls):
    assert titles(coordinator_client.get(CALLS, {"q": "Sắp"})) == {"Sắp mở"}
    assert titles(coordinator_client.get(CALLS, {"q": "Quỹ tài"})) == {"Đang mở"}


def test_the_call_list_exports_csv_with_state_and_local_times(coordinator_client, calls):
    stage = Stage.objects.get(slug="san-pham-mau")
    calls["upcoming"].eligible_stages.set([stage])
    opens_at = datetime(2030, 11, 27, 17, 0, tzinfo=PROVINCE)
    Call.objects.filter(pk=calls["upcoming"].pk).update(
        opens_at=opens_at, closes_at=opens_at + timedelta(days=30)
    )

    response = coordinator_client.get(CALLS, {"state": "upcoming", "export": "csv"})

    assert response.status_code == 200
    assert 'filename="calls.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["Title (Vietnamese)"] == "Sắp mở"
    assert rows[0]["State"] == "upcoming"
    assert rows[0]["Opens at"] == "2030-11-27 17:00"
    assert rows[0]["Startups may apply"] == "yes"
    with translation.override("en"):
        assert rows[0]["Startup stages"] == str(stage)


def test_the_call_list_exports_xlsx(coordinator_client, calls):
    response = coordinator_client.get(CALLS, {"export": "xlsx"})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    headings = rows[0]
    assert "State" in headings
    states = {
        row[headings.index("Title (Vietnamese)")]: row[headings.index("State")] for row in rows[1:]
    }
    assert states == {"Đang mở": "open", "Sắp mở": "upcoming", "Đã đóng": "closed"}


def test_copy_to_a_new_round_asks_first_then_opens_the_new_calls_form(
    coordinator_client, coordinator
):
    call = CallFactory(title_en="Incubation 2026", criteria=[("A", 1), ("B", 2), ("C", 3)])
    url = f"{CALLS}copy-round/{call.pk}/"
    edit = coordinator_client.get(f"{CALLS}edit/{call.pk}/").content.decode()
    assert url in edit

    page = coordinator_client.get(url)
    assert page.status_code == 200
    assert "4 questions" in page.content.decode()
    assert "3 review criteria" in page.content.decode()
    assert Call.objects.count() == 1

    response = coordinator_client.post(url)

    new_call = Call.objects.exclude(pk=call.pk).get()
    assert response.status_code == 302
    assert response.url == f"{CALLS}edit/{new_call.pk}/"
    assert new_call.title_en == "Incubation 2026 (round 2)"
    assert new_call.state == Call.State.UPCOMING
    assert [q.value["key"] for q in new_call.questions] == [q.value["key"] for q in call.questions]
    assert Criterion.objects.filter(call=new_call).count() == 3
    followed = coordinator_client.get(response.url).content.decode()
    assert "check these dates, then save" in followed
    entry = ModelLogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Call), object_id=str(new_call.pk)
    )
    assert (entry.action, entry.user) == (COPY_ROUND_ACTION, coordinator)
    history = coordinator_client.get(f"{CALLS}history/{new_call.pk}/").content.decode()
    assert "Created as round 2, copied from" in history


def test_copy_to_a_new_round_is_offered_in_the_list(coordinator_client):
    call = CallFactory()
    assert f"{CALLS}copy-round/{call.pk}/" in coordinator_client.get(CALLS).content.decode()


def test_editors_cannot_copy_a_call(editor_client):
    call = CallFactory()

    response = editor_client.post(f"{CALLS}copy-round/{call.pk}/")

    assert response.status_code in (302, 403)
    assert Call.objects.count() == 1


def test_copying_a_call_that_does_not_exist_is_a_404(coordinator_client):
    assert coordinator_client.post(f"{CALLS}copy-round/999999/").status_code == 404


def test_links_to_screens_of_other_parts_are_left_out_until_they_exist():
    assert optional_url("no_such_namespace:index", query="call=1") == ""
    assert optional_url("wagtailadmin_home") == "/admin/"


def test_a_call_links_to_its_applications_and_ranking_when_those_screens_exist(
    coordinator_client,
):
    call = CallFactory()
    edit = coordinator_client.get(f"{CALLS}edit/{call.pk}/")
    assert edit.status_code == 200
    html = edit.content.decode()
    for url in (
        optional_url("applications_admin:index", query=f"call={call.pk}"),
        optional_url("applications_admin:ranking", call.pk),
    ):
        if url:
            assert url.replace("&", "&amp;") in html


@pytest.mark.parametrize("amount", ["-5", "1" + "0" * 30])
def test_an_amount_out_of_range_is_a_form_error(coordinator_client, amount):
    response = coordinator_client.post(
        f"{CALLS}add/", call_form_data(ProgrammeFactory(), max_award=amount)
    )

    assert response.status_code == 200
    assert "max_award" in form_errors(response)
    assert not Call.objects.exists()


@pytest.mark.parametrize(
    "query",
    [{"state": "soon"}, {"programme": "abc"}, {"programme__kind": "x"}, {"p": "-1"}],
)
def test_filters_that_make_no_sense_do_not_break_the_list(coordinator_client, calls, query):
    assert coordinator_client.get(CALLS, query).status_code == 200
