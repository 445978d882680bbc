"""Demo events: thirty over the last and next three months, with a weekly series,
a full event with a waitlist and a cancelled one. Tier S adds 5,000 events and
100,000 registrations in bulk."""

import random
import uuid
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify

from accounts.demo import ascii_slug
from accounts.models import User
from ecosystem.models import Area, Organisation, Programme
from ecosystem.search import document as search_document

from .models import Event, EventSeries, Registration, Venue
from .series import series_generate

VENUES = [
    ("Vườn ươm Doanh nghiệp Khởi nghiệp tỉnh", "Số 1 Lê Lợi, phường Rạch Giá", "rach-gia"),
    ("Trung tâm Hội nghị tỉnh", "Số 6 Nguyễn Công Trứ, phường Rạch Giá", "rach-gia"),
    ("Không gian Sáng tạo Phú Quốc", "Đường Trần Hưng Đạo, đặc khu Phú Quốc", "phu-quoc"),
    ("Trường Đại học An Giang", "Số 18 Ung Văn Khiêm, phường Long Xuyên", "long-xuyen"),
    ("Nhà văn hóa Hà Tiên", "Đường Mạc Thiên Tích, phường Hà Tiên", "ha-tien"),
]

# (days from today, hour, hours long, kind, title, title_en, venue index or None, capacity)
EVENTS = [
    (-80, 8, 4, "training", "Tập huấn sở hữu trí tuệ cho doanh nghiệp khởi nghiệp",
     "Intellectual property training for startups", 0, 60),
    (-66, 14, 2, "workshop", "Hội thảo gọi vốn: chuẩn bị hồ sơ cho nhà đầu tư",
     "Workshop: getting ready for investors", 1, 80),
    (-52, 8, 9, "tech_fair", "Chợ công nghệ và thiết bị (Techmart) Đồng bằng sông Cửu Long",
     "Mekong Delta technology and equipment fair (Techmart)", 1, None),
    (-40, 19, 2, "webinar", "Webinar: chuyển đổi số cho hợp tác xã",
     "Webinar: digital transformation for cooperatives", None, 300),
    (-30, 8, 8, "pitching", "Vòng gọi vốn Khởi nghiệp Biển Tây",
     "West Sea startup pitching round", 2, 120),
    (-21, 14, 3, "workshop", "Truy xuất nguồn gốc nông sản bằng mã QR",
     "Traceability of farm produce with QR codes", 3, 50),
    (-12, 8, 4, "training", "Tập huấn tiêu chuẩn, đo lường, chất lượng",
     "Training: standards, metrology and quality", 0, 40),
    (-5, 14, 2, "workshop", "Kết nối nhóm nghiên cứu và doanh nghiệp",
     "Research groups meet enterprises", 3, 60),
    (3, 14, 2, "workshop", "Hội thảo khởi nghiệp du lịch cộng đồng",
     "Community tourism startups workshop", 4, 20),
    (6, 19, 2, "webinar", "Webinar: xuất khẩu nông sản sang EU",
     "Webinar: exporting farm produce to the EU", None, 500),
    (10, 8, 8, "demo_day", "Ngày trình diễn (Demo Day) khóa ươm tạo 2026",
     "Incubation 2026 Demo Day", 1, 150),
    (14, 14, 3, "training", "Tập huấn viết hồ sơ nhiệm vụ KH&CN cấp tỉnh",
     "Training: writing a provincial S&T task proposal", 0, 30),
    (18, 8, 4, "workshop", "Ứng dụng năng lượng mặt trời trong nuôi trồng thủy sản",
     "Solar power in aquaculture", 2, 60),
    (24, 14, 2, "pitching", "Gọi vốn cho dự án nông nghiệp công nghệ cao",
     "Pitching: high-tech agriculture", 1, 60),
    (31, 8, 8, "tech_fair", "Chợ công nghệ Phú Quốc 2027", "Phu Quoc tech fair 2027", 2, None),
    (38, 14, 2, "workshop", "Bảo hộ nhãn hiệu cho đặc sản địa phương",
     "Trademarks for local specialities", 4, 40),
    (45, 8, 4, "training", "Tập huấn marketing số cho doanh nghiệp nhỏ",
     "Digital marketing for small businesses", 3, 50),
    (55, 14, 2, "workshop", "Kinh tế tuần hoàn từ phụ phẩm thủy sản",
     "Circular economy from seafood by-products", 0, 50),
    (63, 8, 8, "demo_day", "Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh",
     "Provincial innovation startup day", 1, 300),
    (75, 14, 2, "webinar", "Webinar: thủ tục chuyển giao công nghệ",
     "Webinar: the technology transfer procedure", None, 500),
    (85, 8, 4, "training", "Tập huấn quản trị tài chính cho startup",
     "Financial management for startups", 0, 40),
]  # fmt: skip
FULL_EVENT = 8  # 20 seats, all taken, with a waitlist
CANCELLED_EVENT = 13
TIER_S = {"events": 5000, "registrations": 100_000}


def local_at(days: int, hour: int):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def seed(*, tier: str, log) -> None:
    areas = {area.slug: area for area in Area.objects.all()}
    venues = []
    for name, address, area in VENUES:
        venue, _ = Venue.objects.get_or_create(
            name=name, defaults={"address": address, "area": areas.get(area)}
        )
        venues.append(venue)
    incubator = Organisation.objects.filter(partner__partner_type="incubator").first()
    programme = Programme.objects.filter(kind="incubation").first()
    people = list(User.objects.filter(email__regex=r"\.[0-9]+@example\.com$").order_by("pk")[:60])

    for index, (days, hour, hours, kind, title, title_en, venue, capacity) in enumerate(EVENTS):
        starts_at = local_at(days, hour)
        event, created = Event.objects.get_or_create(
            slug=slugify(ascii_slug(title, " "))[:200],
            defaults={
                "title": title,
                "title_en": title_en,
                "description": f"{title}. Sự kiện do Sở Khoa học và Công nghệ phối hợp tổ chức.",
                "description_en": f"{title_en}. Organised with the Department of Science "
                "and Technology.",
                "kind": kind,
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(hours=hours),
                "venue": venues[venue] if venue is not None else None,
                "online_url": "https://meet.example.org/innohub" if venue is None else "",
                "capacity": capacity,
                "organiser": incubator if kind in {"demo_day", "pitching"} else None,
                "programme": programme if kind == "demo_day" else None,
                "questions": [
                    {
                        "key": "organisation",
                        "label": "Đơn vị công tác",
                        "label_en": "Your organisation",
                        "type": "text",
                        "required": False,
                    }
                ],
            },
        )
        if not created:
            continue
        taken = capacity if index == FULL_EVENT else min(capacity or 25, 25)
        seated = people[:taken]
        waiting = people[taken : taken + 6] if index == FULL_EVENT else []
        register_people(event, seated, Registration.Status.CONFIRMED)
        register_people(event, waiting, Registration.Status.WAITLISTED)
        if days < 0:
            Registration.objects.filter(event=event).update(
                status=Registration.Status.ATTENDED, attended_at=starts_at
            )
        if index == CANCELLED_EVENT:
            event.status = Event.Status.CANCELLED
            event.save()
        recount(event)

    series, created = EventSeries.objects.get_or_create(
        title="Cà phê khởi nghiệp sáng thứ Bảy",
        defaults={
            "title_en": "Saturday morning startup coffee",
            "description": "Gặp gỡ, chia sẻ kinh nghiệm giữa các nhà sáng lập.",
            "description_en": "Founders meet and swap experience.",
            "kind": "office_hours",
            "venue": venues[0],
            "capacity": 20,
            "frequency": EventSeries.Frequency.WEEKLY,
            "first_starts_at": local_at(-((timezone.localdate().weekday() - 5) % 7) - 21, 8),
            "duration": timedelta(hours=2),
            "count": 12,
        },
    )
    if created:
        series_generate(series=series)
    if tier == "S":
        seed_generated(venues, people)
    log(f"events: {Event.objects.count()} events, {Registration.objects.count()} registrations")


def register_people(event, people, status) -> None:
    now = timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                user=person,
                name=person.full_name,
                email=person.email,
                status=status,
                language=person.preferred_language,
                queued_at=now + timedelta(seconds=order),
                created_at=now + timedelta(seconds=order),
                confirmed_at=now if status == Registration.Status.CONFIRMED else None,
            )
            for order, person in enumerate(people)
        ],
        ignore_conflicts=True,
    )


def recount(event) -> None:
    counts = dict(
        event.registrations.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    Event.objects.filter(pk=event.pk).update(
        confirmed_count=counts.get("confirmed", 0) + counts.get("attended", 0),
        waitlist_count=counts.get("waitlisted", 0),
    )


def seed_generated(venues, people) -> None:
    """Tier S: 5,000 events over two years and 100,000 registrations, in bulk."""
    existing = Event.objects.filter(slug__startswith="bench-event-").count()
    if existing >= TIER_S["events"]:
        return
    rng = random.Random(5)
    kinds = [kind for kind, _ in Event._meta.get_field("kind").choices]
    events = []
    for number in range(existing + 1, TIER_S["events"] + 1):
        starts_at = local_at(rng.randint(-365, 365), rng.choice([8, 9, 14, 19]))
        title = f"{rng.choice(EVENTS)[4]} ({number})"
        events.append(
            Event(
                slug=f"bench-event-{number}",
                uid=uuid.uuid4(),
                title=title,
                kind=rng.choice(kinds),
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=2),
                venue=rng.choice(venues),
                capacity=rng.choice([None, 30, 50, 100]),
                search_document=search_document(title),
            )
        )
    created = Event.objects.bulk_create(events, batch_size=1000)
    per_event = TIER_S["registrations"] // len(created)
    emails = [f"khach-moi-{n}@example.com" for n in range(per_event)]
    now = timezone.now()
    rows = []
    for event in created:
        seats = event.capacity or per_event
        for order, email in enumerate(emails):
            status = (
                Registration.Status.CONFIRMED if order < seats else Registration.Status.WAITLISTED
            )
            rows.append(
                Registration(
                    event=event,
                    name=f"Khách mời {order + 1}",
                    email=email,
                    status=status,
                    queued_at=now + timedelta(seconds=order),
                    created_at=now + timedelta(seconds=order),
                )
            )
        event.confirmed_count = min(seats, per_event)
        event.waitlist_count = max(0, per_event - seats)
        if len(rows) >= 10_000:
            Registration.objects.bulk_create(rows, batch_size=2000)
            rows = []
    Registration.objects.bulk_create(rows, batch_size=2000)
    Event.objects.bulk_update(created, ["confirmed_count", "waitlist_count"], batch_size=1000)
