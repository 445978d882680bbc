"""Mentoring in the admin: coordinators list mentors (with their numbers),
slots, bookings, engagements and the startups mentored, filter them, export
them as CSV or XLSX; approve and decline mentors; cancel a booking; assign a
mentor. Editors, mentors and anonymous people get none of it. The lists take
the same queries for 3 or 30 mentors."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from accounts.models import OutboundEmail
from mentors.models import Booking, Engagement, MentorProfile, OfficeHourSlot
from tests.factories import (
    MentorFactory,
    ProgrammeFactory,
    SlotFactory,
    StartupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/mentors/"
MENTORS = f"{ADMIN}mentorprofile/"
SLOTS = f"{ADMIN}officehourslot/"
BOOKINGS = f"{ADMIN}booking/"
ENGAGEMENTS = f"{ADMIN}engagement/"
LANGUAGES = f"{ADMIN}language/"
STARTUPS = "/admin/mentoring/startups/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def admin_user(groups):
    person = UserFactory(groups=groups)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    return person


@pytest.fixture
def coordinator():
    return admin_user(["Coordinators"])


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def at(days, hour=9):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def session(mentor, startup, *, days, minutes=60, **fields):
    starts_at = at(days)
    slot = SlotFactory(
        mentor=mentor,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=minutes),
        status="booked",
    )
    return Booking.objects.create(slot=slot, startup=startup, agenda="Chiến lược giá", **fields)


@pytest.fixture
def pool():
    """Lan (approved, two sessions rated 5 and 3, a no-show); Minh (waiting for
    approval); a free slot of Lan's next week; Lan assigned to Biển Xanh."""
    lan = MentorFactory(user__full_name="Nguyễn Thị Lan")
    minh = MentorFactory(user__full_name="Phạm Văn Minh", status="pending")
    green = StartupFactory(name="Biển Xanh")
    blue = StartupFactory(name="Rong Nho Việt")
    session(lan, green, days=-10, status="completed", rating=5)
    session(lan, blue, days=-8, minutes=30, status="completed", rating=3)
    session(lan, blue, days=-5, status="no_show", no_show="startup")
    upcoming = session(lan, green, days=4)
    free = SlotFactory(mentor=lan, starts_at=at(7), ends_at=at(7) + timedelta(hours=1))
    programme = ProgrammeFactory(name="Ươm tạo 2026", name_en="Incubation 2026")
    engagement = Engagement.objects.create(
        mentor=lan, startup=green, programme=programme, starts_on=timezone.localdate()
    )
    return {
        "lan": lan,
        "minh": minh,
        "green": green,
        "blue": blue,
        "upcoming": upcoming,
        "free": free,
        "programme": programme,
        "engagement": engagement,
    }


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(response):
    assert response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *data = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in data]


def test_the_mentor_list_shows_each_mentors_numbers(coordinator_client, pool):
    page = coordinator_client.get(MENTORS).content.decode()
    assert "Nguyễn Thị Lan" in page and "Phạm Văn Minh" in page
    for heading in ("Sessions", "Hours given", "Average rating", "No-shows"):
        assert heading in page
    assert "1.5" in page and "4.0" in page
    assert "Invite a mentor" in page


def test_the_mentor_list_filters_by_status_and_sorts_by_numbers(coordinator_client, pool):
    pending = coordinator_client.get(MENTORS, {"status": "pending"}).content.decode()
    assert "Phạm Văn Minh" in pending and "Nguyễn Thị Lan" not in pending
    by_sessions = coordinator_client.get(MENTORS, {"ordering": "-stat_sessions"})
    page = by_sessions.content.decode()
    assert page.index("Nguyễn Thị Lan") < page.index("Phạm Văn Minh")
    searched = coordinator_client.get(MENTORS, {"q": "nguyen thi"}).content.decode()
    assert "Nguyễn Thị Lan" in searched and "Phạm Văn Minh" not in searched


def test_the_mentor_list_exports_the_numbers_as_csv(coordinator_client, pool):
    rows = csv_rows(coordinator_client.get(MENTORS, {"export": "csv"}))
    lan = next(row for row in rows if row["Name"] == "Nguyễn Thị Lan")
    assert lan["Status"] == "approved"
    assert (lan["Sessions"], lan["Hours given"], lan["Average rating"]) == ("2", "1.5", "4.0")
    assert (lan["No-shows"], lan["Startups met"], lan["Upcoming bookings"]) == ("1", "2", "1")
    assert lan["Public address"].endswith(f"/mentors/{pool['lan'].slug}/")


def test_the_mentor_list_exports_as_xlsx(coordinator_client, pool):
    response = coordinator_client.get(MENTORS, {"export": "xlsx", "status": "approved"})
    assert 'filename="mentors.xlsx"' in response["Content-Disposition"]
    (lan,) = xlsx_rows(response)
    assert lan["Name"] == "Nguyễn Thị Lan"
    assert (lan["Sessions"], lan["Hours given"], lan["Average rating"]) == (2, 1.5, 4.0)


def test_the_numbers_can_count_one_period(coordinator_client, pool):
    since = (timezone.localdate() - timedelta(days=9)).isoformat()
    rows = csv_rows(coordinator_client.get(MENTORS, {"export": "csv", "period_from": since}))
    lan = next(row for row in rows if row["Name"] == "Nguyễn Thị Lan")
    assert (lan["Sessions"], lan["Hours given"], lan["Average rating"]) == ("1", "0.5", "3.0")
    assert len(rows) == 2  # no mentor is hidden by the period


def test_a_mentor_inspect_screen_has_the_numbers(coordinator_client, pool):
    page = coordinator_client.get(f"{MENTORS}inspect/{pool['lan'].pk}/").content.decode()
    assert "Hours given" in page and "Startups met" in page
    assert f"{BOOKINGS}?mentor={pool['lan'].pk}" in page
    edit = coordinator_client.get(f"{MENTORS}edit/{pool['minh'].pk}/").content.decode()
    assert "Approve" in edit and "Decline" in edit


def test_the_slot_booking_and_engagement_lists_filter_and_show_rows(coordinator_client, pool):
    free = coordinator_client.get(SLOTS, {"status": "open"}).content.decode()
    assert "Nguyễn Thị Lan" in free
    minh_slots = coordinator_client.get(SLOTS, {"mentor": pool["minh"].pk}).content.decode()
    assert "No office-hour slots match your query." in minh_slots

    no_shows = coordinator_client.get(BOOKINGS, {"status": "no_show"}).content.decode()
    assert "Rong Nho Việt" in no_shows and "Biển Xanh" not in no_shows
    upcoming = coordinator_client.get(BOOKINGS, {"when": "upcoming"}).content.decode()
    assert "Biển Xanh" in upcoming and "Rong Nho Việt" not in upcoming
    rated = coordinator_client.get(BOOKINGS, {"rated": "true"}).content.decode()
    assert "Rong Nho Việt" in rated
    by_mentor = coordinator_client.get(BOOKINGS, {"mentor": pool["minh"].pk}).content.decode()
    assert "Biển Xanh" not in by_mentor

    current = coordinator_client.get(ENGAGEMENTS, {"current": "true"}).content.decode()
    assert "Biển Xanh" in current and "Incubation 2026" in current
    ended = coordinator_client.get(ENGAGEMENTS, {"current": "false"}).content.decode()
    assert "Biển Xanh" not in ended


def test_slots_export_as_csv(coordinator_client, pool):
    response = coordinator_client.get(SLOTS, {"export": "csv", "status": "open"})
    assert 'filename="office-hour-slots.csv"' in response["Content-Disposition"]
    (row,) = csv_rows(response)
    assert row["Mentor"].startswith("Nguyễn Thị Lan") and row["Status"] == "free"
    assert row["Minutes"] == "60"
    assert row["Starts at"] == timezone.localtime(pool["free"].starts_at).strftime("%Y-%m-%d %H:%M")


def test_bookings_export_as_xlsx_with_notes_and_ratings(coordinator_client, pool):
    response = coordinator_client.get(BOOKINGS, {"export": "xlsx", "rated": "true"})
    assert 'filename="mentor-bookings.xlsx"' in response["Content-Disposition"]
    rows = sorted(xlsx_rows(response), key=lambda row: row["Rating"])
    assert [(row["Startup"], row["Rating"]) for row in rows] == [
        ("Rong Nho Việt", 3),
        ("Biển Xanh", 5),
    ]
    assert rows[0]["Status"] == "took place" and rows[0]["Mentor"] == "Nguyễn Thị Lan"


def test_engagements_export_as_csv(coordinator_client, pool):
    response = coordinator_client.get(ENGAGEMENTS, {"export": "csv"})
    (row,) = csv_rows(response)
    assert (row["Mentor"], row["Startup"], row["Programme"]) == (
        "Nguyễn Thị Lan",
        "Biển Xanh",
        "Incubation 2026",
    )


def test_the_startups_mentored_list_has_their_numbers(coordinator_client, pool):
    StartupFactory(name="Chưa ai tư vấn")
    page = coordinator_client.get(STARTUPS).content.decode()
    assert "Biển Xanh" in page and "Rong Nho Việt" in page
    assert "Chưa ai tư vấn" not in page
    assert "Hours received" in page
    rows = csv_rows(coordinator_client.get(STARTUPS, {"export": "csv"}))
    by_name = {row["Name"]: row for row in rows}
    green, blue = by_name["Biển Xanh"], by_name["Rong Nho Việt"]
    assert (green["Sessions"], green["Hours received"], green["Average rating given"]) == (
        "1",
        "1.0",
        "5.0",
    )
    assert (blue["Sessions"], blue["Hours received"], blue["No-shows"]) == ("1", "0.5", "1")
    assert (green["Upcoming bookings"], green["Mentors met"]) == ("1", "1")
    sheet = xlsx_rows(coordinator_client.get(STARTUPS, {"export": "xlsx", "q": "bien xanh"}))
    assert [row["Name"] for row in sheet] == ["Biển Xanh"]
    in_programme = coordinator_client.get(STARTUPS, {"programme": pool["programme"].pk})
    assert "Rong Nho Việt" not in in_programme.content.decode()


def test_approving_makes_a_mentor_public_and_emails_them(coordinator_client, pool):
    minh = pool["minh"]
    confirm = coordinator_client.get(f"{MENTORS}approve/{minh.pk}/")
    assert confirm.status_code == 200 and "Yes, approve" in confirm.content.decode()
    response = coordinator_client.post(f"{MENTORS}approve/{minh.pk}/")
    assert response.status_code == 302
    minh.refresh_from_db()
    assert minh.status == "approved" and minh.approved_at is not None
    assert minh in MentorProfile.objects.public()
    assert OutboundEmail.objects.filter(
        template="mentors/emails/invitation_approved", to=minh.user.email
    ).exists()
    coordinator_client.post(f"{MENTORS}approve/{minh.pk}/")
    assert OutboundEmail.objects.filter(template="mentors/emails/invitation_approved").count() == 1
    history = coordinator_client.get(f"{MENTORS}history/{minh.pk}/").content.decode()
    assert "Approved" in history


def test_declining_needs_a_reason_and_takes_the_mentor_out_of_view(coordinator_client, pool):
    lan = pool["lan"]
    refused = coordinator_client.post(f"{MENTORS}reject/{lan.pk}/", {"reason": ""})
    assert refused.status_code == 400
    lan.refresh_from_db()
    assert lan.status == "approved"
    response = coordinator_client.post(
        f"{MENTORS}reject/{lan.pk}/", {"reason": "Hồ sơ chưa cập nhật."}
    )
    assert response.status_code == 302
    lan.refresh_from_db()
    assert lan.status == "suspended" and lan not in MentorProfile.objects.public()
    email = OutboundEmail.objects.get(template="mentors/emails/invitation_declined")
    assert "Hồ sơ chưa cập nhật." in email.body
    history = coordinator_client.get(f"{MENTORS}history/{lan.pk}/").content.decode()
    assert "Declined: Hồ sơ chưa cập nhật." in history


def test_several_mentors_are_approved_at_once(coordinator_client, pool):
    other = MentorFactory(status="invited")
    url = "/admin/bulk/mentors/mentorprofile/approve/"
    ids = {"id": [pool["minh"].pk, other.pk, pool["lan"].pk]}
    confirm = coordinator_client.get(url, ids)
    assert confirm.status_code == 200
    response = coordinator_client.post(
        f"{url}?id={pool['minh'].pk}&id={other.pk}&id={pool['lan'].pk}"
    )
    assert response.status_code == 302
    assert MentorProfile.objects.public().count() == 3
    assert OutboundEmail.objects.filter(template="mentors/emails/invitation_approved").count() == 2


def test_a_coordinator_cancels_a_booking_for_both_sides(
    coordinator_client, pool, django_capture_on_commit_callbacks
):
    booking = pool["upcoming"]
    edit = coordinator_client.get(f"{BOOKINGS}edit/{booking.pk}/").content.decode()
    assert "Cancel booking" in edit
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(f"{BOOKINGS}cancel-booking/{booking.pk}/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert OfficeHourSlot.objects.get(pk=booking.slot_id).status == "open"
    assert OutboundEmail.objects.filter(template="mentors/emails/cancelled").exists()
    again = coordinator_client.post(f"{BOOKINGS}cancel-booking/{booking.pk}/", follow=True)
    assert "This booking is no longer open." in again.content.decode()


def test_coordinators_keep_notes_on_a_booking(coordinator_client, pool):
    booking = Booking.objects.get(startup=pool["green"], status="completed")
    response = coordinator_client.post(
        f"{BOOKINGS}edit/{booking.pk}/",
        {"notes": "Cần hỗ trợ thêm về chứng nhận.", "follow_up_actions": "Gửi mẫu hồ sơ."},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.notes == "Cần hỗ trợ thêm về chứng nhận." and booking.rating == 5


def test_bookings_and_booked_slots_are_not_deleted(coordinator_client, pool):
    booking = pool["upcoming"]
    coordinator_client.post(f"{BOOKINGS}delete/{booking.pk}/")
    assert Booking.objects.filter(pk=booking.pk).exists()
    coordinator_client.post(f"{SLOTS}delete/{booking.slot_id}/")
    assert OfficeHourSlot.objects.filter(pk=booking.slot_id).exists()
    coordinator_client.post(f"{SLOTS}delete/{pool['free'].pk}/")
    assert not OfficeHourSlot.objects.filter(pk=pool["free"].pk).exists()


def test_a_coordinator_assigns_a_mentor_to_a_startup(coordinator_client, coordinator, pool):
    response = coordinator_client.post(
        f"{ENGAGEMENTS}add/",
        {
            "mentor": pool["minh"].pk,
            "startup": pool["blue"].pk,
            "programme": pool["programme"].pk,
            "starts_on": "2030-01-01",
            "ends_on": "2030-06-30",
        },
    )
    assert response.status_code == 302
    engagement = Engagement.objects.get(mentor=pool["minh"])
    assert engagement.startup_id == pool["blue"].pk and engagement.created_by == coordinator
    ends_before = coordinator_client.post(
        f"{ENGAGEMENTS}add/",
        {
            "mentor": pool["minh"].pk,
            "startup": pool["green"].pk,
            "starts_on": "2030-06-30",
            "ends_on": "2030-01-01",
        },
    )
    assert "An engagement cannot end before it starts." in ends_before.content.decode()
    assert Engagement.objects.filter(mentor=pool["minh"]).count() == 1


def coordinator_urls():
    return [
        MENTORS,
        f"{MENTORS}?export=csv",
        f"{MENTORS}inspect/{{lan}}/",
        f"{MENTORS}edit/{{lan}}/",
        f"{MENTORS}invite/",
        f"{MENTORS}approve/{{minh}}/",
        f"{MENTORS}reject/{{lan}}/",
        SLOTS,
        f"{SLOTS}?export=xlsx",
        BOOKINGS,
        f"{BOOKINGS}?export=csv",
        f"{BOOKINGS}cancel-booking/{{booking}}/",
        ENGAGEMENTS,
        f"{ENGAGEMENTS}add/",
        STARTUPS,
        f"{STARTUPS}?export=csv",
        LANGUAGES,
    ]


def assert_refused(response):
    """Wagtail turns a refusal into a redirect to the dashboard with an error,
    or a plain 403 for a script."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == "/admin/"


@pytest.mark.parametrize("group", ["Editors", "Mentors"])
@pytest.mark.parametrize("url", coordinator_urls())
def test_people_who_are_not_coordinators_are_refused(pool, group, url):
    client = Client()
    person = admin_user([group])
    if group == "Mentors":
        person.groups.add(*admin_user(["Editors"]).groups.all())  # admin access, no mentoring
    client.force_login(person)
    url = url.format(lan=pool["lan"].pk, minh=pool["minh"].pk, booking=pool["upcoming"].pk)
    assert_refused(client.get(url))
    if "approve" in url or "reject" in url or "cancel-booking" in url or "invite" in url:
        assert_refused(client.post(url, {"reason": "x", "email": "a@example.com", "name": "A"}))
    pool["minh"].refresh_from_db(), pool["upcoming"].refresh_from_db()
    assert pool["minh"].status == "pending" and pool["upcoming"].status == "booked"
    assert not OutboundEmail.objects.exists()


def test_mentors_without_admin_access_and_strangers_are_sent_away(client, pool):
    for url in (MENTORS, STARTUPS, f"{MENTORS}invite/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response.url
    client.force_login(pool["lan"].user)
    for url in (MENTORS, STARTUPS, BOOKINGS):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response.url


def test_the_menu_shows_mentoring_to_coordinators_only(coordinator_client, client):
    page = coordinator_client.get("/admin/").content.decode()
    assert "Mentoring" in page and "Startups mentored" in page
    editor = Client()
    editor.force_login(admin_user(["Editors"]))
    assert "Startups mentored" not in editor.get("/admin/").content.decode()


def add_pool(count):
    startup = StartupFactory()
    for number in range(count):
        mentor = MentorFactory()
        session(mentor, startup, days=-(number % 20) - 1, status="completed", rating=4)
        session(mentor, StartupFactory(), days=number % 20 + 1)
        Engagement.objects.create(mentor=mentor, startup=startup, programme=ProgrammeFactory())


def list_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
        assert response.status_code == 200
        if params and params.get("export"):
            b"".join(response.streaming_content)
    return len(queries)


LISTS = [
    (MENTORS, {}),
    (MENTORS, {"export": "csv"}),
    (STARTUPS, {}),
    (STARTUPS, {"export": "xlsx"}),
    (SLOTS, {}),
    (BOOKINGS, {}),
    (BOOKINGS, {"export": "csv"}),
    (ENGAGEMENTS, {}),
]


def test_the_lists_take_the_same_queries_for_3_or_30_mentors(coordinator_client):
    add_pool(3)
    for url, params in LISTS:
        list_queries(coordinator_client, url, params)
    with_three = [list_queries(coordinator_client, url, params) for url, params in LISTS]
    add_pool(27)
    assert MentorProfile.objects.count() == 30
    assert [list_queries(coordinator_client, url, params) for url, params in LISTS] == with_three


@pytest.mark.parametrize(
    "url, params",
    [
        (MENTORS, {"status": "zzz", "expertise": "abc", "period_from": "soon"}),
        (MENTORS, {"ordering": "stat_nonsense", "q": "%" * 300}),
        (MENTORS, {"period_from": "0001-01-01", "period_to": "9999-12-31"}),
        (MENTORS, {"period_from": "0001-01-02", "period_to": "9999-12-30", "export": "csv"}),
        (STARTUPS, {"programme": "-1", "sector": "x", "export": "csv"}),
        (BOOKINGS, {"mentor": "99999", "when": "later", "rated": "maybe"}),
        (SLOTS, {"starts_at_from": "zzz"}),
    ],
)
def test_odd_list_addresses_are_not_errors(coordinator_client, pool, url, params):
    response = coordinator_client.get(url, params)
    assert response.status_code == 200
    if params.get("export"):
        b"".join(response.streaming_content)


def test_odd_action_addresses_are_not_found(coordinator_client):
    for url in (f"{MENTORS}approve/99999/", f"{BOOKINGS}cancel-booking/99999/"):
        assert coordinator_client.get(url).status_code == 404
