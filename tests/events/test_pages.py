"""The public event pages: the list and its filters, the month calendar and an
event's page, as a visitor sees them."""

import json
import re
from datetime import datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ecosystem.models import Area
from events.models import Event
from tests.factories import (
    EventFactory,
    MembershipFactory,
    ProgrammeFactory,
    RegistrationFactory,
    StartupFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
LIST = "/en/events/"
CALENDAR = "/en/events/calendar/"


def local(days, hour=14, minute=0):
    moment = timezone.localtime(timezone.now(), LOCAL) + timedelta(days=days)
    return moment.replace(hour=hour, minute=minute, second=0, microsecond=0)


def event_at(days, hours=2, **fields):
    starts_at = local(days, fields.pop("hour", 14))
    return EventFactory(starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours), **fields)


def titles(response) -> list[str]:
    """Event titles in the order the page lists them."""
    html = response.content.decode()
    return [
        unescape(t) for t in re.findall(r'class="event-card__title"><a [^>]*>([^<]+)</a>', html)
    ]


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def test_the_list_shows_upcoming_events_soonest_first_and_past_ones_apart(client):
    later = event_at(20, title_en="Later")
    sooner = event_at(2, title_en="Sooner")
    event_at(-3, title_en="Last week")
    event_at(-40, title_en="Long ago")
    # An event under way is still upcoming until it ends.
    started = EventFactory(
        title_en="Under way",
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(hours=1),
    )

    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == [started.title_en, sooner.title_en, later.title_en]
    assert "3 events" in text(response)

    past = client.get(LIST, {"when": "past"})
    assert titles(past) == ["Last week", "Long ago"]
    assert 'href="/en/events/?when=past" aria-current="page"' in past.content.decode()


def test_the_list_is_in_vietnamese_at_the_plain_address(client):
    event_at(3, title="Hội thảo khởi nghiệp", title_en="Startup workshop")
    assert titles(client.get("/events/")) == ["Hội thảo khởi nghiệp"]
    assert titles(client.get(LIST)) == ["Startup workshop"]


def test_cards_show_seats_left_from_the_stored_counts(client):
    event_at(3, title_en="Roomy", capacity=50, confirmed_count=12)
    event_at(4, title_en="Packed", capacity=20, confirmed_count=20, waitlist_enabled=True)
    event_at(5, title_en="Packed, no waitlist", capacity=20, confirmed_count=20,
             waitlist_enabled=False)  # fmt: skip
    event_at(6, title_en="Everyone welcome", capacity=None)
    event_at(7, title_en="Called off", status=Event.Status.CANCELLED)

    page = text(client.get(LIST))
    assert "Roomy" in page and "38 seats left" in page
    assert "Full: waitlist open" in page
    assert re.search(r"Packed, no waitlist .*? Full ", page)
    assert "Open to all" in page
    assert re.search(r"Called off .*? Cancelled", page)


def test_members_only_events_are_listed_only_for_members(client):
    startup = StartupFactory()
    member = UserFactory()
    MembershipFactory(user=member, organisation=startup)
    secret = event_at(3, title_en="Members' breakfast", visibility=Event.Visibility.MEMBERS)
    secret.visible_to.add(startup)
    event_at(4, title_en="Open day")

    assert titles(client.get(LIST)) == ["Open day"]
    client.force_login(UserFactory())
    assert titles(client.get(LIST)) == ["Open day"]
    assert detail(client, secret).status_code == 404
    client.force_login(member)
    assert titles(client.get(LIST)) == ["Members' breakfast", "Open day"]
    assert detail(client, secret).status_code == 200


def test_filters_by_kind_programme_and_seats(client):
    programme = ProgrammeFactory(slug="uom-tao-2026")
    event_at(3, title_en="Webinar", kind="webinar")
    event_at(4, title_en="Demo day", kind="demo_day", programme=programme)
    event_at(5, title_en="Full", capacity=10, confirmed_count=10)
    event_at(6, title_en="Cancelled", status=Event.Status.CANCELLED)

    assert titles(client.get(LIST, {"kind": "webinar"})) == ["Webinar"]
    assert titles(client.get(LIST, {"programme": "uom-tao-2026"})) == ["Demo day"]
    assert titles(client.get(LIST, {"has_seats": "on"})) == ["Webinar", "Demo day"]


def test_the_area_filter_takes_in_the_wards_of_a_province(client):
    rach_gia = Area.objects.get(slug="rach-gia")
    ha_tien = Area.objects.get(slug="ha-tien")
    event_at(3, title_en="In Rach Gia", venue=VenueFactory(area=rach_gia))
    event_at(4, title_en="In Ha Tien", venue=VenueFactory(area=ha_tien))
    event_at(5, title_en="Online only", venue=None, online_url="https://meet.example.org/x")

    province = rach_gia.parent.slug
    assert titles(client.get(LIST, {"area": province})) == ["In Rach Gia", "In Ha Tien"]
    assert titles(client.get(LIST, {"area": "ha-tien"})) == ["In Ha Tien"]


def test_the_date_range_shows_events_on_those_days_past_or_future(client):
    event_at(-10, title_en="Ten days ago")
    event_at(2, title_en="In two days")
    event_at(9, title_en="In nine days")
    start = local(-12).date().isoformat()
    end = local(2).date().isoformat()

    assert titles(client.get(LIST, {"start": start, "end": end})) == [
        "Ten days ago",
        "In two days",
    ]
    # A day counts whole, on the province's clock.
    assert titles(client.get(LIST, {"start": end, "end": end})) == ["In two days"]
    assert titles(client.get(LIST, {"start": local(3).date().isoformat()})) == ["In nine days"]


def test_search_ignores_diacritics_and_case(client):
    event_at(3, title="Hội thảo Khởi nghiệp du lịch", title_en="Tourism workshop")
    event_at(4, title="Tập huấn sở hữu trí tuệ", title_en="IP training")

    assert titles(client.get(LIST, {"q": "khoi nghiep"})) == ["Tourism workshop"]
    assert titles(client.get(LIST, {"q": "SỞ HỮU"})) == ["IP training"]
    assert titles(client.get(LIST, {"q": "khong co"})) == []
    assert "No event matches these filters." in text(client.get(LIST, {"q": "khong co"}))


def test_the_list_is_paginated(client):
    for day in range(1, 23):
        event_at(day, title_en=f"Event {day:02d}")
    first = client.get(LIST)
    second = client.get(LIST, {"page": 2})
    assert titles(first) == [f"Event {day:02d}" for day in range(1, 21)]
    assert titles(second) == ["Event 21", "Event 22"]
    assert 'rel="next"' in first.content.decode()
    assert titles(client.get(LIST, {"page": "abc"})) == titles(first)


def test_the_list_offers_its_filters_as_a_calendar_subscription(client):
    event_at(3)
    html = client.get(LIST, {"kind": "webinar"}).content.decode()
    assert 'href="webcal://testserver/en/events/feed.ics?kind=webinar"' in html
    assert 'href="/en/events/feed.ics?kind=webinar"' in html


def measure(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_events(count, days_from=1):
    venue = VenueFactory(area=Area.objects.get(slug="rach-gia"))
    programme = ProgrammeFactory()
    for n in range(count):
        event = event_at(days_from + n % 25, venue=venue, programme=programme)
        RegistrationFactory.create_batch(3, event=event)


@pytest.mark.parametrize(
    "url",
    [LIST, LIST + "?area=an-giang&kind=workshop&has_seats=on&q=hoi", LIST + "?when=past", CALENDAR],
)
def test_list_and_calendar_queries_do_not_grow_with_events(client, url):
    client.get(url)  # settles what is cached once per process
    add_events(5)
    add_events(5, days_from=-30)
    few = measure(client, url)
    add_events(45)
    add_events(45, days_from=-30)
    many = measure(client, url)
    assert few == many
    assert many <= 15


def test_the_month_calendar_puts_events_on_their_days(client):
    december = datetime(2026, 12, 1, tzinfo=LOCAL)
    EventFactory(
        title_en="Demo Day",
        starts_at=december.replace(day=7, hour=8),
        ends_at=december.replace(day=7, hour=16),
    )
    EventFactory(
        title_en="Tech fair",
        starts_at=december.replace(day=30, hour=8),
        ends_at=december.replace(day=31, hour=17) + timedelta(days=1),  # into January
    )
    EventFactory(
        title_en="November event",
        starts_at=december.replace(day=1) - timedelta(days=2),
        ends_at=december.replace(day=1) - timedelta(days=2, hours=-2),
    )

    response = client.get(CALENDAR, {"month": "2026-12"})
    assert response.status_code == 200
    page = text(response)
    assert "Events in December 2026" in page
    assert "2 events this month." in page
    assert re.search(r"Monday, 7 December 2026 08:00 Demo Day", page)
    assert re.search(r"Wednesday, 30 December 2026 08:00 Tech fair", page)
    assert re.search(r"Thursday, 31 December 2026 08:00 Tech fair", page)
    assert "November event" not in page
    html = response.content.decode()
    assert 'href="?month=2026-11" rel="prev"' in html
    assert 'href="?month=2027-01" rel="next"' in html
    # The grid starts on the Monday before the 1st (a Tuesday): one blank day.
    assert html.count("event-calendar__day--outside") == 1 + 3


def test_the_calendar_keeps_filters_in_its_month_links(client):
    response = client.get(CALENDAR, {"month": "2026-12", "kind": "webinar"})
    assert 'href="?month=2027-01&amp;kind=webinar" rel="next"' in response.content.decode()


def test_a_busy_day_links_to_the_rest_of_its_events(client):
    day = datetime(2026, 12, 9, 8, tzinfo=LOCAL)
    for n in range(6):
        EventFactory(
            starts_at=day + timedelta(hours=n), ends_at=day + timedelta(hours=n, minutes=30)
        )
    response = client.get(CALENDAR, {"month": "2026-12"})
    assert "2 more events on this day" in text(response)
    assert "/en/events/?start=2026-12-09&amp;end=2026-12-09" in response.content.decode()


@pytest.mark.parametrize("month", ["2026-13", "abc", "0000-01", "9999-12", "2026-1", "2026-12-01"])
def test_a_month_that_cannot_be_read_is_reported(client, month):
    response = client.get(CALENDAR, {"month": month})
    assert response.status_code == 400
    assert "That month could not be read" in text(response)
    this_month = timezone.localdate()
    assert f'name="month" value="{this_month:%Y-%m}"' in response.content.decode()


def detail(client, event, language="en"):
    prefix = "/en" if language == "en" else ""
    return client.get(f"{prefix}/events/{event.slug}/")


def test_an_events_page_shows_its_details_in_the_active_language(client):
    area = Area.objects.get(slug="rach-gia")
    venue = VenueFactory(
        name="Trung tâm Hội nghị tỉnh",
        address="Số 6 Nguyễn Công Trứ",
        area=area,
        map_url="https://maps.example.org/?q=trung-tam",
    )
    organiser = StartupFactory(name="Khởi nghiệp Biển Xanh")
    programme = ProgrammeFactory(name="Chương trình ươm tạo", name_en="Incubation programme")
    event = EventFactory(
        title="Ngày trình diễn",
        title_en="Demo Day",
        description="Mô tả tiếng Việt.",
        description_en="English description.",
        starts_at=datetime(2026, 12, 27, 14, 30, tzinfo=LOCAL),
        ends_at=datetime(2026, 12, 27, 17, 0, tzinfo=LOCAL),
        venue=venue,
        online_url="https://meet.example.org/demo",
        organiser=organiser,
        programme=programme,
        capacity=40,
        confirmed_count=15,
    )

    english = text(detail(client, event))
    assert "Demo Day" in english and "English description." in english
    assert "27 December 2026 14:30 \N{EN DASH} 17:00" in english
    assert "Trung tâm Hội nghị tỉnh" in english and "Số 6 Nguyễn Công Trứ" in english
    assert "25 left of 40 seats" in english
    html = detail(client, event).content.decode()
    assert 'href="https://maps.example.org/?q=trung-tam"' in html
    assert 'href="https://meet.example.org/demo"' in html
    assert f'href="{organiser.get_absolute_url()}"' in html
    assert 'href="/en/events/?programme=' + programme.slug + '">Incubation programme' in html

    vietnamese = text(detail(client, event, "vi"))
    assert "Ngày trình diễn" in vietnamese and "Mô tả tiếng Việt." in vietnamese
    assert "27/12/2026 14:30 \N{EN DASH} 17:00" in vietnamese


def test_add_to_calendar_offers_the_ics_a_subscription_and_google(client):
    event = EventFactory(
        title_en="Demo Day",
        starts_at=datetime(2026, 12, 27, 14, 30, tzinfo=LOCAL),
        ends_at=datetime(2026, 12, 27, 17, 0, tzinfo=LOCAL),
    )
    html = detail(client, event).content.decode()
    assert f'href="/en/events/{event.slug}.ics"' in html
    assert 'href="webcal://testserver/en/events/feed.ics"' in html
    google = unescape(re.search(r'href="(https://calendar\.google\.com[^"]+)"', html).group(1))
    assert "text=Demo+Day" in google
    assert "dates=20261227T073000Z%2F20261227T100000Z" in google


def json_ld(response) -> dict:
    block = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(block.group(1))


def test_the_page_describes_the_event_for_search_engines(client):
    event = EventFactory(
        title_en="Demo Day </script><b>",
        starts_at=datetime(2026, 12, 27, 14, 30, tzinfo=LOCAL),
        ends_at=datetime(2026, 12, 27, 17, 0, tzinfo=LOCAL),
        online_url="https://meet.example.org/demo",
        capacity=10,
        confirmed_count=10,
    )
    response = detail(client, event)
    assert "</script><b>" not in response.content.decode()
    data = json_ld(response)
    assert data["@type"] == "Event"
    assert data["name"] == "Demo Day </script><b>"
    assert data["startDate"] == "2026-12-27T14:30+07:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"

    event.capacity = 20
    event.status = Event.Status.POSTPONED
    event.save()
    data = json_ld(detail(client, event))
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"


def test_a_cancelled_event_stays_viewable_and_says_so(client):
    event = event_at(5, status=Event.Status.CANCELLED)
    response = detail(client, event)
    assert response.status_code == 200
    page = text(response)
    assert "This event has been cancelled." in page
    assert 'name="email"' not in response.content.decode()
    assert json_ld(response)["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_postponed_event_says_so_and_still_takes_registrations(client):
    event = event_at(5, status=Event.Status.POSTPONED)
    response = detail(client, event)
    assert "This event has been postponed." in text(response)
    assert 'name="email"' in response.content.decode()


def test_a_past_event_is_viewable_without_a_form(client):
    event = event_at(-5)
    response = detail(client, event)
    assert response.status_code == 200
    assert "This event has ended." in text(response)
    assert "<form" not in response.content.decode().split('id="register"')[1].split("</section>")[0]


def test_an_unknown_event_is_not_found(client):
    assert client.get("/en/events/khong-co/").status_code == 404


def test_the_events_page_costs_the_same_queries_however_many_registrations(client):
    event = event_at(5, organiser=StartupFactory(), programme=ProgrammeFactory())
    url = f"/en/events/{event.slug}/"
    client.get(url)
    RegistrationFactory.create_batch(2, event=event)
    few = measure(client, url)
    RegistrationFactory.create_batch(60, event=event)
    many = measure(client, url)
    assert few == many <= 12


def test_the_main_menu_links_to_events(client):
    html = client.get(LIST).content.decode()
    assert 'href="/en/events/" aria-current="page">Events</a>' in html


def test_clearing_filters_keeps_the_tab(client):
    from urllib.parse import urljoin

    from bs4 import BeautifulSoup

    for path, cleared in [
        ("/en/events/?when=past&kind=workshop", "/en/events/?when=past"),
        ("/en/events/?kind=workshop", "/en/events/"),
    ]:
        page = BeautifulSoup(client.get(path).content, "html.parser")
        link = page.select_one("#directory-filters").find("a", string="Clear filters")
        assert urljoin(path, link["href"]) == cleared
