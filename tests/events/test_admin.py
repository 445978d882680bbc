"""Events in the Wagtail admin: coordinators create and edit events in the
province's time, with a question editor; seats change only through the
services (refused below the seats taken, seating the waitlist when raised);
moves and cancellations are emailed; registrations are listed, exported with
their answers, checked in and cancelled; editors see none of it."""

import csv
import html
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from ecosystem.models import Area
from events.models import Event, EventSeries, Registration
from tests.factories import (
    EventFactory,
    ProgrammeFactory,
    RegistrationFactory,
    StartupFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

EVENTS = "/admin/snippets/events/event/"
SERIES = "/admin/snippets/events/eventseries/"
VENUES = "/admin/snippets/events/venue/"
REGISTRATIONS = "/admin/snippets/events/registration/"
PROVINCE = ZoneInfo("Asia/Ho_Chi_Minh")


def admin_user(groups, *, language="en", time_zone=""):
    person = UserFactory(groups=groups)
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = language
    profile.current_time_zone = time_zone
    profile.save()
    return person


@pytest.fixture
def coordinator_client(client):
    client.force_login(admin_user(["Coordinators"]))
    return client


@pytest.fixture
def editor_client():
    editor = Client()
    editor.force_login(admin_user(["Editors"]))
    return editor


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the views leave for after the commit (emails, reminders)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def local(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=PROVINCE)


def as_local(moment) -> str:
    return timezone.localtime(moment, PROVINCE).strftime("%Y-%m-%d %H:%M")


def question(key, label, *, kind="text", options=(), required=False, label_en=""):
    value = {
        "label": label,
        "label_en": label_en,
        "type": kind,
        "options": {
            "count": str(len(options)),
            **{
                str(index): {"value": option, "deleted": "", "order": str(index), "id": ""}
                for index, option in enumerate(options)
            },
        },
        "key": key,
    }
    if required:
        value["required"] = "on"
    return ("question", value)


def event_form_data(event=None, *, questions=None, **overrides):
    """What the edit form posts back for `event` (or a new workshop), changed by
    `overrides`."""
    venue = event.venue if event else VenueFactory()
    starts_at = event.starts_at if event else local("2030-03-02 14:00")
    ends_at = event.ends_at if event else local("2030-03-02 16:00")
    data = {
        "title": event.title if event else "Hội thảo gọi vốn",
        "title_en": event.title_en if event else "Fundraising workshop",
        "slug": event.slug if event else "",
        "kind": event.kind if event else "workshop",
        "description": event.description if event else "",
        "description_en": "",
        "image": "",
        "starts_at": as_local(starts_at),
        "ends_at": as_local(ends_at),
        "venue": str(venue.pk) if venue else "",
        "online_url": event.online_url if event else "",
        "status": event.status if event else "scheduled",
        "capacity": ""
        if event and event.capacity is None
        else str(event.capacity if event else 40),
        "waitlist_enabled": "on",
        "registration_opens_at": "",
        "registration_closes_at": "",
        "visibility": event.visibility if event else "public",
        "add_organisation": "",
        "organiser": "",
        "programme": "",
        "call": "",
        "questions": streamfield(questions or []),
    }
    if event and event.changed_by_hand:
        data["changed_by_hand"] = "on"
    for name, value in overrides.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return nested_form_data(data)


def form_errors(response):
    """The form's errors as the coordinator reads them (in English), with the
    messages inside the question blocks spelled out."""
    form = response.context["form"]
    with translation.override("en"):
        return {
            name: [text for error in errors for text in error_texts(error)]
            for name, errors in form.errors.as_data().items()
        }


def error_texts(error) -> list[str]:
    if hasattr(error, "as_json_data"):
        texts = []

        def walk(data):
            if isinstance(data, dict):
                texts.extend(data.get("messages", []))
                for value in data.get("blockErrors", {}).values():
                    walk(value)
            elif isinstance(data, list):
                for value in data:
                    walk(value)

        walk(error.as_json_data())
        return texts
    return [str(message) for message in error.messages]


def page_messages(response):
    return [html.unescape(str(message)).strip() for message in response.context["messages"]]


def followed_messages(client, response):
    assert response.status_code == 302, getattr(response, "context", None) and form_errors(response)
    return page_messages(client.get(response.url))


def ics_of(message):
    return message.attachments[0][1]


def test_coordinators_have_an_events_menu_and_editors_do_not(coordinator_client, editor_client):
    home = coordinator_client.get("/admin/").content.decode()
    for address in (EVENTS, SERIES, VENUES, REGISTRATIONS):
        assert address in home
    assert "Events" in home
    editor_home = editor_client.get("/admin/").content.decode()
    assert EVENTS not in editor_home and REGISTRATIONS not in editor_home


@pytest.mark.parametrize("address", [EVENTS, SERIES, VENUES, REGISTRATIONS])
def test_coordinators_open_every_events_list(coordinator_client, address):
    RegistrationFactory(answers={"organisation": "Sở KH&CN"})
    assert coordinator_client.get(address).status_code == 200


def test_a_coordinator_creates_an_event_in_province_time(client, commit, monkeypatch):
    # A coordinator travelling in London still types and reads Vietnam's time.
    client.force_login(admin_user(["Coordinators"], time_zone="Europe/London"))
    reminded = []
    monkeypatch.setattr("events.services_admin.schedule_reminders", reminded.append)
    form = client.get(f"{EVENTS}add/").content.decode()
    for tab in ("Details", "Time and place", "Registration", "Visibility", "Organiser"):
        assert tab in form
    response = commit(client.post, f"{EVENTS}add/", event_form_data())
    assert response.status_code == 302, form_errors(response)
    event = Event.objects.get()
    assert event.starts_at == datetime(2030, 3, 2, 14, 0, tzinfo=PROVINCE)
    assert event.ends_at == datetime(2030, 3, 2, 16, 0, tzinfo=PROVINCE)
    assert event.slug == "hoi-thao-goi-von"
    assert reminded == [event]
    edit = client.get(f"{EVENTS}edit/{event.pk}/").content.decode()
    assert 'value="2030-03-02 14:00"' in edit


def test_questions_are_edited_as_blocks_and_stored_as_json(coordinator_client):
    event = EventFactory()
    data = event_form_data(
        event,
        questions=[
            question("", "Đơn vị công tác", label_en="Your organisation"),
            question(
                "size", "Quy mô", kind="choice", options=["1-10", "11-50", " "], required=True
            ),
        ],
    )
    response = coordinator_client.post(f"{EVENTS}edit/{event.pk}/", data)
    assert response.status_code == 302, form_errors(response)
    event.refresh_from_db()
    assert event.questions == [
        {
            "key": "don-vi-cong-tac",
            "label": "Đơn vị công tác",
            "label_en": "Your organisation",
            "type": "text",
            "options": [],
            "required": False,
        },
        {
            "key": "size",
            "label": "Quy mô",
            "label_en": "",
            "type": "choice",
            "options": ["1-10", "11-50"],
            "required": True,
        },
    ]
    edit = coordinator_client.get(f"{EVENTS}edit/{event.pk}/")
    assert list(edit.context["form"]["questions"].value()[1].value["options"]) == ["1-10", "11-50"]


@pytest.mark.parametrize(
    "questions, message",
    [
        (
            [question("org", "Đơn vị"), question("org", "Tổ chức")],
            "Another question has the key 'org'",
        ),
        ([question("Đơn vị", "Đơn vị")], "'Đơn vị' cannot be a key"),
        ([question("size", "Quy mô", kind="choice", options=["1-10"])], "at least two"),
        (
            [question("size", "Quy mô", kind="choice", options=["Nhỏ", "nhỏ"])],
            "is there twice",
        ),
        ([question("size", "")], "This field is required"),
    ],
)
def test_malformed_questions_are_refused_with_a_message(coordinator_client, questions, message):
    event = EventFactory(title="Hội thảo A")
    data = event_form_data(event, questions=questions, title="Hội thảo B")
    response = coordinator_client.post(f"{EVENTS}edit/{event.pk}/", data)
    assert response.status_code == 200
    assert any(message in text for text in form_errors(response)["questions"])
    event.refresh_from_db()
    assert event.title == "Hội thảo A" and event.questions == []


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"starts_at": "2030-03-02 14:00", "ends_at": "2030-03-02 13:00"},
            "ends_at",
            "The end must be after the start.",
        ),
        (
            {"registration_opens_at": "2030-03-01 08:00", "registration_closes_at": "2030-02-01"},
            "registration_closes_at",
            "Registration must close after it opens.",
        ),
        (
            {"visibility": "members"},
            "add_organisation",
            "Choose at least one organisation, or make the event visible to everyone.",
        ),
        ({"starts_at": "tomorrow"}, "starts_at", "Enter a valid date/time."),
        ({"starts_at": "0001-01-01 00:00"}, "starts_at", "Enter a date between 2000 and 2199."),
        ({"capacity": "-3"}, "capacity", "greater than or equal to 0"),
    ],
)
def test_the_event_form_refuses_what_makes_no_sense(coordinator_client, overrides, field, message):
    response = coordinator_client.post(f"{EVENTS}add/", event_form_data(**overrides))
    assert response.status_code == 200
    errors = form_errors(response)
    assert any(message in text for text in errors.get(field, [])), errors
    assert not Event.objects.exists()


def test_a_members_only_event_lists_the_chosen_organisations(coordinator_client):
    event = EventFactory()
    startup = StartupFactory(name="Rong Biển Xanh")
    data = event_form_data(event, visibility="members", add_organisation=str(startup.pk))
    response = coordinator_client.post(f"{EVENTS}edit/{event.pk}/", data)
    assert response.status_code == 302, form_errors(response)
    assert list(event.visible_to.all()) == [startup.organisation_ptr]
    edit = coordinator_client.get(f"{EVENTS}edit/{event.pk}/").content.decode()
    assert "Rong Biển Xanh" in edit
    data = event_form_data(event, visibility="public", visible_to=[])
    coordinator_client.post(f"{EVENTS}edit/{event.pk}/", data)
    assert not event.visible_to.exists()


def test_lowering_capacity_below_the_seats_taken_is_refused(coordinator_client):
    event = EventFactory(capacity=5, title="Hội thảo A")
    RegistrationFactory.create_batch(3, event=event)
    data = event_form_data(event, capacity="2", title="Hội thảo B")
    response = coordinator_client.post(f"{EVENTS}edit/{event.pk}/", data)
    assert response.status_code == 200
    assert form_errors(response)["capacity"] == [
        "3 people already hold a seat, so the capacity cannot be lower than 3."
    ]
    event.refresh_from_db()
    assert event.capacity == 5 and event.title == "Hội thảo A"


def test_raising_capacity_seats_the_waitlist_and_emails_them(
    coordinator_client, commit, mailoutbox
):
    event = EventFactory(capacity=2)
    RegistrationFactory.create_batch(2, event=event)
    first = RegistrationFactory(event=event, status="waitlisted", email="cho-1@example.com")
    second = RegistrationFactory(event=event, status="waitlisted", email="cho-2@example.com")
    first.queued_at = timezone.now() - timedelta(hours=1)
    first.save()
    response = commit(
        coordinator_client.post, f"{EVENTS}edit/{event.pk}/", event_form_data(event, capacity="3")
    )
    assert "1 person from the waitlist got a seat and has been emailed." in " ".join(
        followed_messages(coordinator_client, response)
    )
    first.refresh_from_db(), second.refresh_from_db(), event.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waitlisted")
    assert (event.capacity, event.confirmed_count, event.waitlist_count) == (3, 3, 1)
    assert [m.to for m in mailoutbox] == [["cho-1@example.com"]]


def test_moving_an_event_emails_everyone_the_new_time_with_a_higher_sequence(
    coordinator_client, commit, mailoutbox
):
    event = EventFactory(starts_at=local("2030-03-02 14:00"), ends_at=local("2030-03-02 16:00"))
    RegistrationFactory(event=event, email="ngoi@example.com")
    RegistrationFactory(event=event, status="waitlisted", email="cho@example.com")
    RegistrationFactory(event=event, status="cancelled", email="huy@example.com")
    data = event_form_data(event, starts_at="2030-03-03 09:00", ends_at="2030-03-03 11:00")
    response = commit(coordinator_client.post, f"{EVENTS}edit/{event.pk}/", data)
    assert "The new details have been emailed to 2 people registered." in " ".join(
        followed_messages(coordinator_client, response)
    )
    event.refresh_from_db()
    assert event.sequence == 1 and event.starts_at == local("2030-03-03 09:00")
    assert sorted(m.to[0] for m in mailoutbox) == ["cho@example.com", "ngoi@example.com"]
    assert all("SEQUENCE:1" in ics_of(m) and "METHOD:REQUEST" in ics_of(m) for m in mailoutbox)


def test_other_edits_email_nobody(coordinator_client, commit, mailoutbox):
    event = EventFactory()
    RegistrationFactory(event=event)
    data = event_form_data(event, title_en="A better title", description="Chương trình mới")
    commit(coordinator_client.post, f"{EVENTS}edit/{event.pk}/", data)
    event.refresh_from_db()
    assert event.title_en == "A better title" and event.sequence == 0
    assert mailoutbox == []


def test_choosing_cancelled_in_the_form_sends_everyone_a_cancellation(
    coordinator_client, commit, mailoutbox
):
    event = EventFactory()
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="waitlisted")
    data = event_form_data(event, status="cancelled")
    response = commit(coordinator_client.post, f"{EVENTS}edit/{event.pk}/", data)
    assert "It is cancelled; 2 people registered have been emailed." in " ".join(
        followed_messages(coordinator_client, response)
    )
    event.refresh_from_db()
    assert event.status == "cancelled" and event.sequence == 1
    assert len(mailoutbox) == 2 and all("METHOD:CANCEL" in ics_of(m) for m in mailoutbox)


def test_the_cancel_event_action_asks_then_cancels(coordinator_client, commit, mailoutbox):
    event = EventFactory()
    RegistrationFactory.create_batch(3, event=event)
    edit = coordinator_client.get(f"{EVENTS}edit/{event.pk}/").content.decode()
    assert f"{EVENTS}cancel/{event.pk}/" in edit
    confirm = coordinator_client.get(f"{EVENTS}cancel/{event.pk}/")
    assert "3 people registered will get an email" in confirm.content.decode()
    assert Event.objects.get().status == "scheduled"
    response = commit(coordinator_client.post, f"{EVENTS}cancel/{event.pk}/")
    assert f"'{event.title_en}' is cancelled; 3 people registered have been emailed." in (
        followed_messages(coordinator_client, response)
    )
    assert Event.objects.get().status == "cancelled"
    assert len(mailoutbox) == 3 and all("METHOD:CANCEL" in ics_of(m) for m in mailoutbox)
    again = commit(coordinator_client.post, f"{EVENTS}cancel/{event.pk}/")
    assert "already cancelled" in " ".join(followed_messages(coordinator_client, again))
    assert len(mailoutbox) == 3


def test_editing_an_occurrence_by_hand_takes_it_out_of_the_series(coordinator_client):
    series = EventSeries.objects.create(
        title="Cà phê khởi nghiệp",
        kind="workshop",
        frequency="WEEKLY",
        first_starts_at=local("2030-03-02 09:00"),
        count=2,
    )
    first, second = (
        EventFactory(series=series, title="Cà phê khởi nghiệp", slug=f"ca-phe-{n}") for n in (1, 2)
    )
    coordinator_client.post(
        f"{EVENTS}edit/{first.pk}/", event_form_data(first, title="Cà phê đặc biệt")
    )
    coordinator_client.post(
        f"{EVENTS}edit/{second.pk}/", event_form_data(second, visibility="public")
    )
    first.refresh_from_db(), second.refresh_from_db()
    assert first.changed_by_hand and first.title == "Cà phê đặc biệt"
    assert not second.changed_by_hand
    edit = coordinator_client.get(f"{EVENTS}edit/{first.pk}/").content.decode()
    assert 'name="changed_by_hand"' in edit
    plain = coordinator_client.get(f"{EVENTS}edit/{EventFactory().pk}/").content.decode()
    assert 'name="changed_by_hand"' not in plain


def test_an_event_with_people_registered_cannot_be_deleted(coordinator_client):
    event, empty = EventFactory(), EventFactory()
    RegistrationFactory(event=event)
    RegistrationFactory(event=empty, status="cancelled")
    response = coordinator_client.post(f"{EVENTS}delete/{event.pk}/")
    assert "Cancel the event instead" in " ".join(followed_messages(coordinator_client, response))
    assert Event.objects.filter(pk=event.pk).exists()
    coordinator_client.post(f"{EVENTS}delete/{empty.pk}/")
    assert not Event.objects.filter(pk=empty.pk).exists()


@pytest.fixture
def calendar():
    """Events to filter: past and upcoming, kinds, statuses, areas, programmes."""
    province = Area.objects.create(name="Tỉnh An Giang", slug="tinh-an-giang", kind="province")
    ward = Area.objects.create(
        name="Phường Rạch Giá", slug="phuong-rach-gia", kind="ward", parent=province
    )
    now = timezone.now()
    programme = ProgrammeFactory()
    return {
        "past": EventFactory(
            title="Tập huấn sở hữu trí tuệ",
            kind="training",
            starts_at=now - timedelta(days=30),
            ends_at=now - timedelta(days=30) + timedelta(hours=2),
        ),
        "fair": EventFactory(
            title="Chợ công nghệ Rạch Giá",
            kind="tech_fair",
            venue=VenueFactory(name="Nhà thi đấu", area=ward),
            programme=programme,
            starts_at=local("2030-05-10 08:00"),
            ends_at=local("2030-05-10 17:00"),
        ),
        "webinar": EventFactory(
            title="Webinar chuyển giao công nghệ",
            kind="webinar",
            venue=None,
            online_url="https://meet.example.org/x",
            status="cancelled",
            starts_at=local("2030-05-11 20:00"),
            ends_at=local("2030-05-11 21:00"),
        ),
        "province": province,
        "programme": programme,
    }


def titles(response):
    return {event.title for event in response.context["object_list"]}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"when": "past"}, {"past"}),
        ({"when": "upcoming"}, {"fair", "webinar"}),
        ({"kind": "tech_fair"}, {"fair"}),
        ({"status": "cancelled"}, {"webinar"}),
        ({"online": "yes"}, {"webinar"}),
        ({"online": "no", "when": "upcoming"}, {"fair"}),
        ({"starts_at_from": "2030-05-11", "starts_at_to": "2030-05-11"}, {"webinar"}),
        ({"starts_at_from": "2030-05-10"}, {"fair", "webinar"}),
        ({"q": "cho cong nghe"}, {"fair"}),
    ],
)
def test_the_event_list_filters_and_searches(coordinator_client, calendar, params, expected):
    response = coordinator_client.get(EVENTS, params)
    assert titles(response) == {calendar[name].title for name in expected}


def test_the_event_list_filters_by_area_and_programme(coordinator_client, calendar):
    by_area = coordinator_client.get(EVENTS, {"area": calendar["province"].pk})
    assert titles(by_area) == {"Chợ công nghệ Rạch Giá"}
    by_programme = coordinator_client.get(EVENTS, {"programme": calendar["programme"].pk})
    assert titles(by_programme) == {"Chợ công nghệ Rạch Giá"}


def test_the_event_list_shows_seats_and_downloads_as_csv(coordinator_client, calendar):
    fair = calendar["fair"]
    RegistrationFactory(event=fair)
    Event.objects.filter(pk=fair.pk).update(confirmed_count=1, waitlist_count=2)
    listing = coordinator_client.get(EVENTS).content.decode()
    assert "1 / 50, 2 waiting" in listing
    response = coordinator_client.get(EVENTS, {"when": "upcoming", "export": "csv"})
    assert 'filename="events.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_title = {row["Title (Vietnamese)"]: row for row in rows}
    assert set(by_title) == {"Chợ công nghệ Rạch Giá", "Webinar chuyển giao công nghệ"}
    assert by_title["Chợ công nghệ Rạch Giá"]["Starts at"] == "2030-05-10 08:00"
    assert by_title["Webinar chuyển giao công nghệ"]["Status"] == "cancelled"
    assert by_title["Chợ công nghệ Rạch Giá"]["Public address"].endswith(f"/events/{fair.slug}/")


def test_the_event_list_downloads_as_xlsx_in_province_time(coordinator_client, calendar):
    response = coordinator_client.get(EVENTS, {"kind": "tech_fair", "export": "xlsx"})
    assert 'filename="events.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *data = list(sheet.iter_rows(values_only=True))
    record = dict(zip(header, data[0], strict=True))
    assert len(data) == 1 and record["Title (Vietnamese)"] == "Chợ công nghệ Rạch Giá"
    assert record["Starts at"] == datetime(2030, 5, 10, 8, 0)
    assert record["Address"] == calendar["fair"].venue.address


@pytest.fixture
def registrations():
    event = EventFactory(
        title="Ngày hội khởi nghiệp",
        questions=[
            {"key": "organisation", "label": "Đơn vị", "label_en": "Organisation", "type": "text"},
            {
                "key": "size",
                "label": "Quy mô",
                "label_en": "Team size",
                "type": "choice",
                "options": ["1-10", "11-50"],
            },
        ],
    )
    attended = RegistrationFactory(
        event=event,
        name="Nguyễn Văn An",
        email="an@example.com",
        status="attended",
        attended_at=local("2030-03-02 13:55"),
        answers={"organisation": "Rong Biển Xanh", "size": "1-10"},
    )
    confirmed = RegistrationFactory(
        event=event,
        name="Trần Thị Bình",
        email="binh@example.com",
        answers={"organisation": "Sở KH&CN, phòng QLKH", "size": "11-50"},
    )
    waiting = RegistrationFactory(
        event=event, name="Lê Văn Cường", email="cuong@example.com", status="waitlisted"
    )
    other = RegistrationFactory(name="Nguyễn Thị Dung", email="dung@example.com")
    return {
        "event": event,
        "attended": attended,
        "confirmed": confirmed,
        "waiting": waiting,
        "other": other,
    }


def names(response):
    return {registration.name for registration in response.context["object_list"]}


def test_the_event_leads_to_its_registrations(coordinator_client, registrations):
    event = registrations["event"]
    edit = coordinator_client.get(f"{EVENTS}edit/{event.pk}/").content.decode()
    header = BeautifulSoup(edit, "html.parser").find("a", href=f"{REGISTRATIONS}?event={event.pk}")
    assert header is not None and "Registrations (3)" in header.get_text()
    listing = coordinator_client.get(REGISTRATIONS, {"event": event.pk})
    assert names(listing) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}
    waiting = coordinator_client.get(REGISTRATIONS, {"event": event.pk, "status": "waitlisted"})
    assert names(waiting) == {"Lê Văn Cường"}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "nguyen van"}, {"Nguyễn Văn An"}),
        ({"q": "binh@"}, {"Trần Thị Bình"}),
        ({"q": "Nguyễn", "all": True}, {"Nguyễn Văn An", "Nguyễn Thị Dung"}),
        ({"q": "dung@example", "all": True}, {"Nguyễn Thị Dung"}),
    ],
)
def test_registrations_are_searched_by_name_or_email(
    coordinator_client, registrations, params, expected
):
    query = {"q": params["q"]}
    if not params.get("all"):
        query["event"] = registrations["event"].pk
    assert names(coordinator_client.get(REGISTRATIONS, query)) == expected


def test_the_registrations_of_an_event_download_with_one_column_per_question(
    coordinator_client, registrations
):
    event = registrations["event"]
    response = coordinator_client.get(REGISTRATIONS, {"event": event.pk, "export": "csv"})
    assert 'filename="registrations.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_name = {row["Name"]: row for row in rows}
    assert set(by_name) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}
    an, binh = by_name["Nguyễn Văn An"], by_name["Trần Thị Bình"]
    assert an["Organisation"] == "Rong Biển Xanh" and an["Team size"] == "1-10"
    assert binh["Organisation"] == "Sở KH&CN, phòng QLKH"
    assert an["Checked in at"] == "2030-03-02 13:55" and binh["Checked in at"] == ""
    assert an["Status"] == "attended" and binh["Email"] == "binh@example.com"


def test_the_registrations_download_as_xlsx_with_answers(coordinator_client, registrations):
    event = registrations["event"]
    response = coordinator_client.get(
        REGISTRATIONS, {"event": event.pk, "status": "attended", "export": "xlsx"}
    )
    assert 'filename="registrations.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *data = list(sheet.iter_rows(values_only=True))
    assert len(data) == 1
    record = dict(zip(header, data[0], strict=True))
    assert record["Name"] == "Nguyễn Văn An"
    assert record["Organisation"] == "Rong Biển Xanh" and record["Team size"] == "1-10"
    assert record["Checked in at"] == datetime(2030, 3, 2, 13, 55)


def test_all_registrations_download_with_the_answers_in_one_column(
    coordinator_client, registrations
):
    response = coordinator_client.get(REGISTRATIONS, {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_name = {row["Name"]: row for row in rows}
    assert len(rows) == 4
    assert by_name["Nguyễn Văn An"]["Answers"] == "Organisation: Rong Biển Xanh; Team size: 1-10"
    assert by_name["Nguyễn Văn An"]["Event"] == registrations["event"].title_en


def test_a_coordinator_checks_someone_in_from_the_admin(coordinator_client, registrations):
    confirmed = registrations["confirmed"]
    listing = coordinator_client.get(REGISTRATIONS, {"event": registrations["event"].pk})
    assert f"{REGISTRATIONS}check-in/{confirmed.pk}/" in listing.content.decode()
    response = coordinator_client.post(f"{REGISTRATIONS}check-in/{confirmed.pk}/")
    assert "Trần Thị Bình is checked in." in followed_messages(coordinator_client, response)
    confirmed.refresh_from_db()
    assert confirmed.status == "attended"
    checked_in_at = confirmed.attended_at
    again = coordinator_client.post(f"{REGISTRATIONS}check-in/{confirmed.pk}/")
    assert "Trần Thị Bình was already checked in; nothing changed." in followed_messages(
        coordinator_client, again
    )
    confirmed.refresh_from_db()
    assert confirmed.attended_at == checked_in_at


def test_someone_without_a_seat_cannot_be_checked_in(coordinator_client, registrations):
    waiting = registrations["waiting"]
    response = coordinator_client.post(f"{REGISTRATIONS}check-in/{waiting.pk}/")
    assert "Lê Văn Cường has no confirmed seat (on the waitlist)." in followed_messages(
        coordinator_client, response
    )
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_cancelling_a_registration_seats_the_next_on_the_waitlist(
    coordinator_client, commit, mailoutbox
):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event, name="Phạm Minh")
    waiting = RegistrationFactory(event=event, status="waitlisted", email="cho@example.com")
    confirm = coordinator_client.get(f"{REGISTRATIONS}cancel/{seated.pk}/").content.decode()
    assert "Phạm Minh" in confirm and "first person on the waitlist" in confirm
    response = commit(coordinator_client.post, f"{REGISTRATIONS}cancel/{seated.pk}/")
    assert "The registration of Phạm Minh is cancelled." in followed_messages(
        coordinator_client, response
    )
    seated.refresh_from_db(), waiting.refresh_from_db()
    assert (seated.status, waiting.status) == ("cancelled", "confirmed")
    assert [m.to for m in mailoutbox] == [["cho@example.com"]]


def test_the_list_actions_come_back_to_the_filtered_list(coordinator_client, registrations):
    event = registrations["event"]
    confirmed = registrations["confirmed"]
    back = f"{REGISTRATIONS}?event={event.pk}&status=confirmed"
    listing = coordinator_client.get(REGISTRATIONS, {"event": event.pk, "status": "confirmed"})
    soup = BeautifulSoup(listing.content, "html.parser")
    link = soup.find("a", href=lambda href: href and "check-in/" in href)
    response = coordinator_client.post(link["href"])
    assert response.url == back
    confirmed.refresh_from_db()
    assert confirmed.status == "attended"


def test_a_coordinator_corrects_a_name_but_not_the_status(coordinator_client, registrations):
    confirmed = registrations["confirmed"]
    edit = coordinator_client.get(f"{REGISTRATIONS}edit/{confirmed.pk}/").content.decode()
    assert "Sở KH&amp;CN, phòng QLKH" in edit and "Team size" in edit
    response = coordinator_client.post(
        f"{REGISTRATIONS}edit/{confirmed.pk}/",
        {"name": "Trần Thị Bình An", "email": "BINH.AN@example.com", "status": "cancelled"},
    )
    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert (confirmed.name, confirmed.email, confirmed.status) == (
        "Trần Thị Bình An",
        "binh.an@example.com",
        "confirmed",
    )


def test_two_registrations_of_one_event_cannot_share_an_email(coordinator_client, registrations):
    confirmed = registrations["confirmed"]
    response = coordinator_client.post(
        f"{REGISTRATIONS}edit/{confirmed.pk}/", {"name": "Bình", "email": "an@example.com"}
    )
    assert response.status_code == 200
    assert form_errors(response)
    confirmed.refresh_from_db()
    assert confirmed.email == "binh@example.com"


def test_registrations_are_not_typed_in_or_deleted_while_they_hold_a_seat(
    coordinator_client, registrations
):
    assert coordinator_client.get(f"{REGISTRATIONS}add/").status_code == 404
    listing = coordinator_client.get(REGISTRATIONS).content.decode()
    assert f"{REGISTRATIONS}add/" not in listing
    confirmed, other = registrations["confirmed"], registrations["other"]
    response = coordinator_client.post(f"{REGISTRATIONS}delete/{confirmed.pk}/")
    assert "Cancel it first" in " ".join(followed_messages(coordinator_client, response))
    assert Registration.objects.filter(pk=confirmed.pk).exists()
    Registration.objects.filter(pk=other.pk).update(status="cancelled")
    coordinator_client.post(f"{REGISTRATIONS}delete/{other.pk}/")
    assert not Registration.objects.filter(pk=other.pk).exists()


def editor_urls():
    return [
        EVENTS,
        f"{EVENTS}add/",
        f"{EVENTS}edit/{{event}}/",
        f"{EVENTS}cancel/{{event}}/",
        f"{EVENTS}delete/{{event}}/",
        f"{EVENTS}?export=csv",
        SERIES,
        f"{SERIES}add/",
        f"{SERIES}generate/{{series}}/",
        VENUES,
        REGISTRATIONS,
        f"{REGISTRATIONS}?export=xlsx",
        f"{REGISTRATIONS}edit/{{registration}}/",
        f"{REGISTRATIONS}check-in/{{registration}}/",
        f"{REGISTRATIONS}cancel/{{registration}}/",
    ]


def assert_refused(response):
    """Wagtail turns a refusal into a redirect to the dashboard with an error,
    or a plain 403 for a script."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == "/admin/"


@pytest.mark.parametrize("url", editor_urls())
def test_editors_are_refused_every_events_screen(editor_client, url):
    registration = RegistrationFactory()
    event = registration.event
    series = EventSeries.objects.create(
        title="Cà phê",
        kind="workshop",
        frequency="WEEKLY",
        first_starts_at=event.starts_at,
        count=2,
    )
    url = url.format(event=event.pk, series=series.pk, registration=registration.pk)
    assert_refused(editor_client.get(url))
    if "check-in" in url or "cancel" in url or "generate" in url:
        assert_refused(editor_client.post(url))
    registration.refresh_from_db(), event.refresh_from_db()
    assert registration.status == "confirmed" and event.status == "scheduled"
    assert not series.occurrences.exists()


def test_people_who_are_not_signed_in_are_sent_to_sign_in(client):
    event = EventFactory()
    for url in (EVENTS, f"{EVENTS}cancel/{event.pk}/", REGISTRATIONS):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response.url


def list_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


def test_the_lists_take_the_same_queries_for_5_or_25_rows(coordinator_client):
    event = EventFactory()

    def add(count):
        for _ in range(count):
            RegistrationFactory(event=EventFactory(venue=VenueFactory()))
            RegistrationFactory(event=event, answers={"organisation": "x"})

    add(5)
    for url, params in ((EVENTS, {}), (REGISTRATIONS, {}), (REGISTRATIONS, {"event": event.pk})):
        list_queries(coordinator_client, url, params)
    counts = [
        list_queries(coordinator_client, url, params)
        for url, params in ((EVENTS, {}), (REGISTRATIONS, {}), (REGISTRATIONS, {"event": event.pk}))
    ]
    add(20)
    assert [
        list_queries(coordinator_client, url, params)
        for url, params in ((EVENTS, {}), (REGISTRATIONS, {}), (REGISTRATIONS, {"event": event.pk}))
    ] == counts


@pytest.mark.parametrize(
    "url, params",
    [
        (REGISTRATIONS, {"event": "abc"}),
        (REGISTRATIONS, {"event": "99999", "export": "csv", "q": "an"}),
        (
            REGISTRATIONS,
            {"event__starts_at_from": "0001-01-01", "event__starts_at_to": "9999-12-31"},
        ),
        (EVENTS, {"starts_at_from": "zzz", "kind": "zzz", "when": "soon"}),
        (EVENTS, {"series": "abc", "area": "-1", "q": "%" * 300}),
        (SERIES, {"frequency": "HOURLY"}),
    ],
)
def test_odd_list_addresses_are_not_errors(coordinator_client, url, params):
    RegistrationFactory()
    response = coordinator_client.get(url, params)
    assert response.status_code == 200
    if params.get("export"):
        b"".join(response.streaming_content)


def test_odd_action_addresses_are_not_found(coordinator_client):
    for url in (
        f"{EVENTS}cancel/99999/",
        f"{REGISTRATIONS}check-in/99999/",
        f"{SERIES}generate/9/",
    ):
        assert coordinator_client.get(url).status_code == 404


def test_the_event_export_takes_the_same_queries_for_5_or_25_events(coordinator_client):
    def add(count):
        for _ in range(count):
            event = EventFactory(organiser=StartupFactory(), programme=ProgrammeFactory())
            event.visible_to.add(StartupFactory())

    def export_queries():
        with CaptureQueriesContext(connection) as queries:
            response = coordinator_client.get(EVENTS, {"export": "csv"})
            b"".join(response.streaming_content)
        return len(queries)

    add(5)
    export_queries()
    with_five = export_queries()
    add(20)
    assert export_queries() == with_five
