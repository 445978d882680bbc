"""The public calls page and a call's page: what a visitor, a founder and an
English reader see, at the second a call opens and closes, and how many
queries it takes."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import rich_text

from cms.demo import seed_call_pages
from cms.models import CallIndexPage, CallPage, HomePage
from cms.templatetags.call_tags import call_badge
from ecosystem.models import Call, Sector, Stage
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    MembershipFactory,
    PartnerFactory,
    ProgrammeFactory,
    ResearchGroupFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROVINCE = ZoneInfo("Asia/Ho_Chi_Minh")
NO_LOG = lambda line: None  # noqa: E731


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def card_titles(response):
    return [text(title) for title in soup(response).select(".call-card__title")]


def apply_buttons(response):
    return [text(link) for link in soup(response).select(".call-apply a.button")]


def at(moment, monkeypatch):
    """Stop the clock at `moment` for what follows."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


def call_page_url(call, language="vi"):
    page = CallPage.objects.get(call=call, locale__language_code=language)
    return page.url


@pytest.fixture
def published():
    """Publish the calls page and a page for every call, in both languages."""

    def publish():
        seed_call_pages(NO_LOG)

    return publish


@pytest.fixture
def deadline():
    return datetime(2030, 11, 27, 17, 0, tzinfo=PROVINCE)


@pytest.fixture
def grant_call(deadline, published):
    call = CallFactory(
        title="Hỗ trợ thương mại hóa",
        title_en="Market support",
        slug="thuong-mai-hoa",
        programme=ProgrammeFactory(
            name="Quỹ hỗ trợ", name_en="Support fund", kind="grant", slug="quy"
        ),
        opens_at=deadline - timedelta(days=60),
        closes_at=deadline,
        max_award=200_000_000,
        required_documents="Kế hoạch kinh doanh\n\nBáo cáo tài chính",
        required_documents_en="Business plan\nFinancial statement",
    )
    published()
    return call


def test_the_calls_page_lists_each_call_with_its_facts(client, grant_call, deadline, monkeypatch):
    at(deadline - timedelta(days=10), monkeypatch)

    page = soup(client.get("/calls/"))

    card = page.select_one(".call-card")
    assert text(card.select_one(".call-card__title")) == "Hỗ trợ thương mại hóa"
    assert card.select_one(".call-card__title a")["href"] == "/calls/thuong-mai-hoa/"
    assert "Quỹ hỗ trợ" in text(card.select_one(".call-card__programme"))
    assert text(card.select_one(".badge")) == "Đang nhận hồ sơ"
    facts = text(card.select_one(".call-facts"))
    assert "27/11/2030 17:00" in facts  # the province's clock
    assert "200.000.000\u00a0₫" in card.get_text()
    assert card.select("time")[1]["datetime"] == deadline.isoformat()


def test_the_calls_page_in_english(client, grant_call, deadline, monkeypatch):
    at(deadline - timedelta(days=10), monkeypatch)

    page = soup(client.get("/en/calls/"))

    assert page.html["lang"] == "en"
    card = page.select_one(".call-card")
    assert text(card.select_one(".call-card__title")) == "Market support"
    assert card.select_one(".call-card__title a")["href"] == "/en/calls/thuong-mai-hoa/"
    assert text(card.select_one(".call-card__programme")) == "Support fund · Grant"
    assert "200,000,000\u00a0₫" in card.get_text()
    assert "27/11/2030 17:00" in text(card)


@pytest.fixture
def many_calls(published):
    now = timezone.now()

    def make(title, kind, opens, closes):
        return CallFactory(
            title=title,
            programme=ProgrammeFactory(kind=kind),
            opens_at=now + timedelta(days=opens),
            closes_at=now + timedelta(days=closes),
        )

    calls = {
        "closed long ago": make("Đóng lâu rồi", "grant", -90, -60),
        "open, closes later": make("Mở, đóng sau", "incubation", -5, 40),
        "upcoming, later": make("Sắp mở, sau", "training", 20, 50),
        "closed recently": make("Vừa đóng", "incubation", -30, -1),
        "open, closes soon": make("Mở, sắp đóng", "grant", -20, 3),
        "upcoming, soon": make("Sắp mở, sớm", "incubation", 2, 30),
    }
    published()
    return calls


def test_open_calls_come_first_closing_soonest_then_upcoming_then_closed(client, many_calls):
    assert card_titles(client.get("/calls/")) == [
        "Mở, sắp đóng",
        "Mở, đóng sau",
        "Sắp mở, sớm",
        "Sắp mở, sau",
        "Vừa đóng",
        "Đóng lâu rồi",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": "open"}, ["Mở, sắp đóng", "Mở, đóng sau"]),
        ({"state": "upcoming"}, ["Sắp mở, sớm", "Sắp mở, sau"]),
        ({"state": "closed"}, ["Vừa đóng", "Đóng lâu rồi"]),
        ({"kind": "grant"}, ["Mở, sắp đóng", "Đóng lâu rồi"]),
        ({"kind": "incubation", "state": "open"}, ["Mở, đóng sau"]),
        ({"kind": "training", "state": "closed"}, []),
    ],
)
def test_the_calls_page_filters_by_kind_and_state(client, many_calls, query, expected):
    assert card_titles(client.get("/calls/", query)) == expected


def test_an_unusable_filter_is_reported_and_the_others_still_apply(client, many_calls):
    response = client.get("/calls/", {"state": "someday", "kind": "grant", "page": "x"})

    page = soup(response)
    assert page.select_one(".form-errors[role=alert]") is not None
    assert card_titles(response) == ["Mở, sắp đóng", "Đóng lâu rồi"]
    english = text(soup(client.get("/en/calls/", {"state": "someday"})))
    assert "This is not one of the choices, so this filter was left out." in english


def test_nothing_matching_says_so(client, many_calls):
    page = soup(client.get("/en/calls/", {"kind": "st_task"}))
    assert "No call matches these filters." in text(page)
    assert page.select(".call-card") == []


def test_the_calls_page_is_in_the_main_menu(client, many_calls):
    menu = soup(client.get("/")).select_one(".main-nav")
    assert "/calls/" in [link["href"] for link in menu.select("a")]


@pytest.mark.parametrize(
    ("moment", "label"),
    [
        (timedelta(seconds=-1), "Upcoming"),  # before it opens
        (timedelta(0), "Open"),  # the second it opens, 60 days to go
        (timedelta(days=53), "Closing in 7 days"),
        (timedelta(days=59), "Closing in 1 day"),
        (timedelta(days=60) - timedelta(seconds=1), "Closing today"),
        (timedelta(days=60), "Closed"),  # the second it closes
    ],
)
def test_the_state_badge_at_each_boundary(deadline, moment, label):
    call = Call(opens_at=deadline - timedelta(days=60), closes_at=deadline)
    with translation.override("en"):
        assert call_badge(call, call.opens_at + moment)["label"] == label


def test_a_call_closing_at_midnight_closes_today_until_then(deadline):
    midnight = datetime(2030, 11, 28, 0, 0, tzinfo=PROVINCE)
    call = Call(opens_at=deadline - timedelta(days=60), closes_at=midnight)
    with translation.override("en"):
        assert call_badge(call, midnight - timedelta(hours=5))["label"] == "Closing today"


@pytest.fixture
def founder():
    return UserFactory()


@pytest.fixture
def organisations(founder):
    """A verified startup, a startup waiting for verification and a partner, all
    the founder's, and someone else's startup."""
    shrimp = StartupFactory(name="Tôm Sạch Hà Tiên", owner=founder)
    pending = StartupFactory(name="Rong Nho Sấy", status="pending", owner=founder)
    university = PartnerFactory(name="Đại học Kiên Giang")
    MembershipFactory(organisation=university, user=founder)
    StartupFactory(name="Không phải của tôi")
    return {"shrimp": shrimp, "pending": pending, "university": university}


def test_a_founder_gets_one_apply_button_per_eligible_organisation(
    client, founder, organisations, grant_call, deadline, monkeypatch
):
    at(deadline - timedelta(days=10), monkeypatch)
    client.force_login(founder)

    response = client.get(call_page_url(grant_call, "en"))

    assert apply_buttons(response) == ["Apply as Tôm Sạch Hà Tiên"]
    link = soup(response).select_one(".call-apply a.button")["href"]
    assert link == reverse(
        "applications:start",
        kwargs={"call_pk": grant_call.pk, "organisation_pk": organisations["shrimp"].pk},
    )
    assert link.startswith("/en/")
    ineligible = {
        text(item.select_one("p")): [text(reason) for reason in item.select("li")]
        for item in soup(response).select(".apply-list__item--ineligible")
    }
    assert ineligible == {
        "Rong Nho Sấy cannot apply to this call:": ["Only verified organisations can apply."],
        "Đại học Kiên Giang cannot apply to this call:": ["This call is not open to partner."],
    }
    assert "Không phải của tôi" not in response.content.decode()


def test_a_draft_is_continued_and_a_submitted_application_is_shown(
    client, founder, grant_call, deadline, monkeypatch
):
    at(deadline - timedelta(days=10), monkeypatch)
    drafting = StartupFactory(name="A Nháp", owner=founder)
    submitted = StartupFactory(name="B Đã nộp", owner=founder)
    ApplicationFactory(call=grant_call, organisation=drafting)
    application = ApplicationFactory(call=grant_call, organisation=submitted, status="submitted")
    client.force_login(founder)

    response = client.get(call_page_url(grant_call, "en"))

    assert apply_buttons(response) == ["Continue the application of A Nháp"]
    apply_area = soup(response).select_one(".call-apply")
    assert "The application of B Đã nộp : submitted" in text(apply_area)
    detail = reverse("applications:detail", kwargs={"pk": application.pk})
    assert apply_area.select_one(f'a[href="{detail}"]') is not None


def test_the_apply_button_is_there_until_the_last_second(
    client, founder, organisations, grant_call, deadline, monkeypatch
):
    at(deadline - timedelta(seconds=1), monkeypatch)
    client.force_login(founder)  # a session started at the stopped clock
    assert apply_buttons(client.get(call_page_url(grant_call, "en"))) == [
        "Apply as Tôm Sạch Hà Tiên"
    ]

    at(deadline, monkeypatch)
    response = client.get(call_page_url(grant_call, "en"))

    assert apply_buttons(response) == []
    apply_area = text(soup(response).select_one(".call-apply"))
    assert "This call closed on 27/11/2030 17:00" in apply_area
    assert "cannot apply" not in apply_area


def test_an_upcoming_call_says_when_it_opens(
    client, founder, organisations, grant_call, monkeypatch
):
    at(grant_call.opens_at - timedelta(seconds=1), monkeypatch)
    client.force_login(founder)

    response = client.get(call_page_url(grant_call, "en"))

    assert apply_buttons(response) == []
    apply_area = text(soup(response).select_one(".call-apply"))
    assert "Applications open on 28/09/2030 17:00." in apply_area
    assert "Tôm Sạch Hà Tiên can apply once the call opens." in apply_area
    assert "Only verified organisations can apply." in apply_area


def test_a_visitor_is_asked_to_sign_in(client, grant_call, deadline, monkeypatch):
    at(deadline - timedelta(days=10), monkeypatch)
    url = call_page_url(grant_call, "en")

    response = client.get(url)

    assert apply_buttons(response) == ["Sign in to apply"]
    link = soup(response).select_one(".call-apply a.button")["href"]
    assert link == f"/en/account/login/?next={url}"


def test_a_person_without_an_organisation_is_told_to_register_one(
    client, grant_call, deadline, monkeypatch
):
    at(deadline - timedelta(days=10), monkeypatch)
    client.force_login(UserFactory())

    apply_area = soup(client.get(call_page_url(grant_call, "en"))).select_one(".call-apply")

    assert "register your organisation first" in text(apply_area)
    assert apply_area.select_one('a[href="/en/account/organisations/register/startup/"]')


def test_the_call_page_shows_the_call_from_its_record(client, grant_call, deadline, monkeypatch):
    at(deadline - timedelta(days=10), monkeypatch)
    page = CallPage.objects.get(call=grant_call, locale__language_code="en")
    page.intro = "<p>Read the guidance before applying.</p>"
    page.save_revision().publish()

    html = soup(client.get(page.url))

    assert text(html.select_one("h1")) == "Market support"
    assert text(html.select_one(".call-header .badge")) == "Open"
    assert "Read the guidance before applying." in text(html)
    details = text(html.select_one(".call-details"))
    assert "28/09/2030 17:00" in details
    assert "27/11/2030 17:00" in details
    assert "200,000,000\u00a0₫" in html.select_one(".call-details").get_text()
    rules = text(html.select_one(".call-rules"))
    assert "Startups" in rules
    assert "Research groups" not in rules
    documents = [text(item) for item in html.select("#call-documents + ul li")]
    assert documents == ["Business plan", "Financial statement"]
    questions = [text(label) for label in html.select(".question-item__label")]
    assert questions == [
        "Product name",
        "How will you use the support?",
        "Team size",
        "Business plan",
    ]
    metas = [text(meta) for meta in html.select(".question-item__meta")]
    assert "at most 1000 characters" in metas[1]
    assert "optional" in metas[2]
    criteria = [[text(cell) for cell in row.select("td")] for row in html.select("tbody tr")]
    assert criteria == [["Tính mới", "2 (67%)"], ["Thị trường", "1 (33%)"]]


def test_the_vietnamese_page_uses_the_vietnamese_fields(client, grant_call, deadline, monkeypatch):
    at(deadline - timedelta(days=10), monkeypatch)

    html = soup(client.get("/calls/thuong-mai-hoa/"))

    assert html.html["lang"] == "vi"
    assert text(html.select_one("h1")) == "Hỗ trợ thương mại hóa"
    assert [text(item) for item in html.select("#call-documents + ul li")] == [
        "Kế hoạch kinh doanh",
        "Báo cáo tài chính",
    ]
    assert text(html.select_one(".question-item__label")) == "Tên sản phẩm"
    assert "200.000.000\u00a0₫" in html.select_one(".call-details").get_text()
    switcher = [link["href"] for link in html.select(".language-switcher a")]
    assert "/en/calls/thuong-mai-hoa/" in switcher


def test_a_call_has_one_page_per_language(grant_call):
    index = CallIndexPage.objects.get(locale__language_code="vi")
    duplicate = CallPage(title="Bản sao", slug="ban-sao", call=grant_call, locale=index.locale)
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=duplicate)
    assert "call" in error.value.message_dict


def test_call_pages_live_under_the_calls_page_and_it_under_a_home_page(grant_call):
    home = HomePage.objects.get(locale__language_code="vi")
    index = CallIndexPage.objects.get(locale=home.locale)
    assert CallIndexPage.can_create_at(home) is False  # one per home page
    assert CallPage.can_create_at(home) is False
    assert CallPage.can_create_at(index) is True
    assert CallIndexPage.parent_page_types == ["cms.HomePage"]


def test_the_demo_pages_are_made_once_and_translate_each_other(grant_call, published):
    published()
    published()

    assert CallIndexPage.objects.count() == 2
    vi, en = (
        CallPage.objects.get(call=grant_call, locale__language_code=code) for code in ("vi", "en")
    )
    assert vi.translation_key == en.translation_key
    assert en.get_translation(Locale.objects.get(language_code="vi")) == vi
    assert CallIndexPage.objects.get(locale__language_code="en").show_in_menus


def grow_calls(count):
    for number in range(count):
        CallFactory(
            title=f"Đợt {number}",
            programme=ProgrammeFactory(kind="grant" if number % 2 else "training"),
        )
    seed_call_pages(NO_LOG)


@pytest.mark.parametrize("path", ["/calls/", "/en/calls/"])
def test_the_calls_page_takes_the_same_queries_for_2_or_8_calls(
    client, path, django_assert_num_queries
):
    grow_calls(2)
    client.get(path)  # the site's root paths are cached after the first request
    with CaptureQueriesContext(connection) as small:
        assert len(card_titles(client.get(path))) == 2
    small_count = len(small)  # the next request empties the query log

    grow_calls(6)
    with django_assert_num_queries(small_count):
        assert len(card_titles(client.get(path))) == 8


def short_questions(count):
    return [
        (
            "short_text",
            {"key": f"q-{n}", "label": f"Câu {n}", "label_en": f"Question {n}", "required": True},
        )
        for n in range(count)
    ]


def call_page_for_founder(*, organisations, criteria, questions, sectors):
    founder = UserFactory()
    call = CallFactory(
        criteria=[(f"Tiêu chí {n}", n + 1) for n in range(criteria)],
        questions=short_questions(questions),
        accepts_research_groups=True,
    )
    call.eligible_sectors.set(Sector.objects.all()[:sectors])
    call.eligible_stages.set(Stage.objects.all()[:sectors])
    for _ in range(organisations):
        startup = StartupFactory(owner=founder)
        MembershipFactory(organisation=ResearchGroupFactory(), user=founder)
        ApplicationFactory(call=call, organisation=startup)
    seed_call_pages(NO_LOG)
    return founder, call_page_url(call, "en")


def test_a_call_page_takes_the_same_queries_however_big(client, django_assert_num_queries):
    founder, url = call_page_for_founder(organisations=1, criteria=1, questions=1, sectors=1)
    client.force_login(founder)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    # Read now: the next request empties the connection's query log.
    small_count = len(small)

    founder, url = call_page_for_founder(organisations=6, criteria=8, questions=12, sectors=6)
    client.force_login(founder)
    client.get(url)
    with django_assert_num_queries(small_count):
        response = client.get(url)
    page = soup(response)
    assert len(page.select(".apply-list__item")) == 12
    assert len(page.select(".question-item")) == 12
    assert len(page.select("tbody tr")) == 8


def test_an_editor_publishes_a_call_page_by_choosing_the_call(client, grant_call):
    client.force_login(UserFactory(groups=["Coordinators"]))
    index = CallIndexPage.objects.get(locale__language_code="vi")
    other_call = CallFactory(title="Đợt mới")
    add_url = f"/admin/pages/add/cms/callpage/{index.pk}/"
    assert client.get(add_url).status_code == 200

    response = client.post(
        add_url,
        {
            "title": "Đợt mới",
            "slug": "dot-moi",
            "call": str(other_call.pk),
            "intro": rich_text("<p>Giới thiệu</p>"),
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    page = CallPage.objects.get(slug="dot-moi")
    assert page.live and page.call == other_call
    assert "Đợt mới" in text(soup(client.get("/calls/dot-moi/")).select_one("h1"))


def test_the_admin_refuses_a_second_page_for_the_same_call(client, grant_call):
    client.force_login(UserFactory(groups=["Coordinators"]))
    index = CallIndexPage.objects.get(locale__language_code="vi")

    response = client.post(
        f"/admin/pages/add/cms/callpage/{index.pk}/",
        {"title": "Lặp lại", "slug": "lap-lai", "call": str(grant_call.pk), "intro": rich_text("")},
    )

    assert response.status_code == 200
    assert "Đợt kêu gọi này đã có trang bằng ngôn ngữ này." in response.content.decode()
    assert not CallPage.objects.filter(slug="lap-lai").exists()
