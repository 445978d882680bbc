"""The CRM log: coordinators record every contact with an organisation, see it
on the organisation, and find their follow-ups on the dashboard."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from ecosystem.admin.forms import end_of_this_week, province_today
from ecosystem.models import Interaction
from tests.factories import InteractionFactory, StartupFactory, UserFactory

pytestmark = pytest.mark.django_db

INTERACTIONS = "/admin/snippets/ecosystem/interaction/"


def english_admin(person):
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


@pytest.fixture
def coordinator():
    return english_admin(UserFactory(groups=["Coordinators"], full_name="Trần Thị Thu Hà"))


@pytest.fixture
def colleague():
    return english_admin(UserFactory(groups=["Coordinators"], full_name="Lê Văn Tám"))


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def follow_up(owner, on, *, done=False, **kwargs):
    return InteractionFactory(
        follow_up_owner=owner,
        coordinator=owner,
        follow_up_on=on,
        follow_up_done=done,
        **kwargs,
    )


def listed(response):
    return {interaction.pk for interaction in response.context["object_list"]}


def test_interactions_are_filtered_by_kind_coordinator_and_follow_up(
    coordinator_client, coordinator, colleague
):
    today = province_today()
    overdue = follow_up(coordinator, today - timedelta(days=3), kind="call")
    this_week = follow_up(coordinator, end_of_this_week(), kind="visit")
    next_week = follow_up(colleague, end_of_this_week() + timedelta(days=1), kind="meeting")
    done = follow_up(coordinator, today - timedelta(days=1), done=True, kind="meeting")
    no_follow_up = InteractionFactory(coordinator=colleague, kind="email")

    assert listed(coordinator_client.get(INTERACTIONS, {"kind": "call"})) == {overdue.pk}
    assert listed(coordinator_client.get(INTERACTIONS, {"coordinator": colleague.pk})) == {
        next_week.pk,
        no_follow_up.pk,
    }
    assert listed(coordinator_client.get(INTERACTIONS, {"follow_up": "overdue"})) == {overdue.pk}
    assert listed(coordinator_client.get(INTERACTIONS, {"follow_up": "this_week"})) == {
        overdue.pk,
        this_week.pk,
    }
    assert listed(coordinator_client.get(INTERACTIONS, {"follow_up": "open"})) == {
        overdue.pk,
        this_week.pk,
        next_week.pk,
    }
    assert listed(coordinator_client.get(INTERACTIONS, {"follow_up_done": "true"})) == {done.pk}
    overdue_list = coordinator_client.get(INTERACTIONS)
    assert "overdue" in overdue_list.content.decode()


def test_the_interaction_list_searches_summaries_and_organisations(coordinator_client):
    mine = InteractionFactory(
        organisation=StartupFactory(name="Mắm Ruốc Rạch Giá"), summary="Bàn về bao bì"
    )
    other = InteractionFactory(summary="Hỏi về chứng nhận OCOP")
    assert listed(coordinator_client.get(INTERACTIONS, {"q": "Rạch Giá"})) == {mine.pk}
    assert listed(coordinator_client.get(INTERACTIONS, {"q": "OCOP"})) == {other.pk}


def test_the_filtered_interaction_list_downloads_as_csv(coordinator_client, coordinator):
    call = InteractionFactory(
        kind="call",
        organisation=StartupFactory(name="Lúa Thông Minh"),
        summary="Hẹn khảo sát ruộng",
        coordinator=coordinator,
    )
    InteractionFactory(kind="visit", organisation=StartupFactory(name="Nắng Biển Solar"))
    response = coordinator_client.get(INTERACTIONS, {"kind": "call", "export": "csv"})
    assert response["Content-Type"] == "text/csv"
    assert 'filename="interactions.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["Organisation", "Kind", "Date", "Summary"]
    assert rows[1:] == [
        [
            "Lúa Thông Minh",
            "phone call",
            call.happened_on.isoformat(),
            "Hẹn khảo sát ruộng",
            "Trần Thị Thu Hà",
            "",
            "",
            "no",
        ]
    ]


def test_the_organisation_shows_its_interactions_latest_first_with_a_way_to_log_one(
    coordinator_client,
):
    startup = StartupFactory(name="Tôm Sạch Hà Tiên")
    today = province_today()
    older = InteractionFactory(
        organisation=startup, summary="Lần gặp đầu tiên", happened_on=today - timedelta(days=30)
    )
    newer = InteractionFactory(
        organisation=startup, summary="Gọi lại về hồ sơ ươm tạo", happened_on=today
    )
    InteractionFactory(summary="Cuộc gặp với tổ chức khác")
    edit_url = f"/admin/snippets/ecosystem/startup/edit/{startup.pk}/"

    html = coordinator_client.get(edit_url).content.decode()
    assert html.index(newer.summary) < html.index(older.summary)
    assert "Cuộc gặp với tổ chức khác" not in html
    assert f"{INTERACTIONS}edit/{newer.pk}/" in html
    assert f"{INTERACTIONS}add/?organisation={startup.pk}&amp;next=" in html

    InteractionFactory.create_batch(10, organisation=startup)
    assert (
        f"{INTERACTIONS}?organisation={startup.pk}"
        in coordinator_client.get(edit_url).content.decode()
    )
    every = coordinator_client.get(INTERACTIONS, {"organisation": startup.pk})
    assert len(listed(every)) == 12


def test_logging_an_interaction_from_the_organisation_is_prefilled(coordinator_client, coordinator):
    startup = StartupFactory()
    edit_url = f"/admin/snippets/ecosystem/startup/edit/{startup.pk}/"
    add_url = f"{INTERACTIONS}add/?organisation={startup.pk}&next={edit_url}"

    form = coordinator_client.get(add_url).context["form"]
    assert form.initial["organisation"] == str(startup.pk)
    assert form.initial["coordinator"] == coordinator.pk
    assert form.initial["follow_up_owner"] == coordinator.pk

    response = coordinator_client.post(
        add_url,
        {
            "organisation": startup.pk,
            "kind": "visit",
            "happened_on": province_today().isoformat(),
            "summary": "Thăm cơ sở nuôi tôm",
            "coordinator": coordinator.pk,
            "follow_up_on": end_of_this_week().isoformat(),
            "follow_up_owner": coordinator.pk,
        },
    )
    assert response.status_code == 302
    assert response.url == edit_url
    interaction = Interaction.objects.get(organisation=startup)
    assert (interaction.kind, interaction.coordinator, interaction.follow_up_owner) == (
        "visit",
        coordinator,
        coordinator,
    )


def test_only_coordinators_can_be_chosen_as_coordinator(coordinator_client, coordinator):
    outsider = UserFactory(full_name="Người Ngoài Sở")
    form = coordinator_client.get(f"{INTERACTIONS}add/").context["form"]
    choices = set(form.fields["coordinator"].queryset)
    assert coordinator in choices
    assert outsider not in choices


def dashboard(client):
    return client.get("/admin/").content.decode()


def test_the_dashboard_lists_my_open_follow_ups_due_this_week(
    coordinator_client, coordinator, colleague
):
    today = province_today()
    overdue = follow_up(
        coordinator, today - timedelta(days=2), organisation=StartupFactory(name="Cá Khô Hòn Sơn")
    )
    due = follow_up(
        coordinator, end_of_this_week(), organisation=StartupFactory(name="Tiêu Đỏ Phú Quốc")
    )
    follow_up(
        coordinator,
        end_of_this_week() + timedelta(days=1),
        organisation=StartupFactory(name="Sau Tuần Này"),
    )
    follow_up(coordinator, today, done=True, organisation=StartupFactory(name="Đã Xong Rồi"))
    follow_up(colleague, today, organisation=StartupFactory(name="Việc Của Đồng Nghiệp"))

    html = dashboard(coordinator_client)
    assert "My follow-ups due this week" in html
    assert "Cá Khô Hòn Sơn" in html and "Tiêu Đỏ Phú Quốc" in html
    assert "Sau Tuần Này" not in html
    assert "Đã Xong Rồi" not in html
    assert "Việc Của Đồng Nghiệp" not in html
    assert html.index("Cá Khô Hòn Sơn") < html.index("Tiêu Đỏ Phú Quốc")
    assert f"{INTERACTIONS}edit/{overdue.pk}/" in html
    assert f"{INTERACTIONS}edit/{due.pk}/" in html
    panel = html[html.index("my-follow-ups") :]
    assert len(re.findall(r">\s*overdue\s*<", panel)) == 1


def test_an_empty_week_says_so(coordinator_client):
    assert "Nothing to follow up this week." in dashboard(coordinator_client)


def test_the_follow_ups_panel_is_not_shown_to_editors(client):
    editor = english_admin(UserFactory(groups=["Editors"]))
    follow_up(editor, province_today())
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "My follow-ups due this week" not in response.content.decode()


def queries_for_dashboard(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def test_the_follow_ups_panel_takes_the_same_queries_for_3_or_30(coordinator_client, coordinator):
    today = province_today()
    for _ in range(3):
        follow_up(coordinator, today)
    queries_for_dashboard(coordinator_client)  # warm the per-process caches
    with_three = queries_for_dashboard(coordinator_client)
    for _ in range(27):
        follow_up(coordinator, today)
    with_thirty = queries_for_dashboard(coordinator_client)
    assert with_thirty == with_three
    assert "See all my follow-ups due this week" in dashboard(coordinator_client)
