"""Demo mentors: fifteen approved mentors with office hours over the next four
weeks and past sessions with notes and ratings. Tier S adds 1,000 mentors and
30,000 slots in bulk."""

import random
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from accounts.demo import ascii_slug, demo_email, demo_password, vietnamese_name
from accounts.models import User
from ecosystem.models import ExpertiseTag, Membership, Sector, Startup

from .models import Booking, Language, MentorProfile, OfficeHourSlot

# name, headline, headline_en, organisation, title, years, sectors, expertise, languages
MENTORS = [
    ("Nguyễn Thị Thanh Hương", "Chuyên gia xuất khẩu thủy sản", "Seafood export expert",
     "Hiệp hội Chế biến và Xuất khẩu Thủy sản", "Phó Tổng thư ký", 22,
     ["thuy-san", "che-bien-thuy-san"], ["xuat-khau", "quan-tri-doanh-nghiep"], ["vi", "en"]),
    ("Trần Minh Quân", "Nhà đầu tư thiên thần, gọi vốn giai đoạn đầu",
     "Angel investor, early-stage fundraising", "Quỹ Đầu tư Khởi nghiệp Cửu Long",
     "Giám đốc đầu tư", 15, ["chuyen-doi-so", "thuong-mai-dien-tu"], ["goi-von"], ["vi", "en"]),
    ("Lê Hoàng Phúc", "Kỹ sư IoT cho nông nghiệp", "IoT engineer for agriculture",
     "Trường Đại học An Giang", "Giảng viên", 9,
     ["nong-nghiep-cong-nghe-cao", "lua-gao"], ["iot", "tu-dong-hoa"], ["vi"]),
    ("Phạm Ngọc Diệp", "Marketing số cho sản phẩm địa phương",
     "Digital marketing for local products", "Công ty Truyền thông Biển Tây",
     "Giám đốc sáng tạo", 11, ["dac-san-dia-phuong", "du-lich-sinh-thai"],
     ["marketing-so"], ["vi", "en"]),
    ("Võ Thành Nhân", "Năng lượng mặt trời và lưới điện vi mô", "Solar power and micro-grids",
     "Công ty Điện mặt trời Nam Bộ", "Kỹ sư trưởng", 14, ["dien-mat-troi", "dien-gio"],
     ["nang-luong-mat-troi"], ["vi", "en"]),
    ("Huỳnh Gia Bảo", "Trí tuệ nhân tạo và phân tích dữ liệu", "AI and data analytics",
     "Công ty Phần mềm Mekong AI", "Trưởng nhóm dữ liệu", 8,
     ["tri-tue-nhan-tao", "chuyen-doi-so"], ["tri-tue-nhan-tao", "phan-tich-du-lieu"],
     ["vi", "en", "ja"]),
    ("Đặng Kim Ngân", "Sở hữu trí tuệ cho doanh nghiệp nhỏ", "Intellectual property for SMEs",
     "Công ty Luật Sở hữu Trí tuệ Mekong", "Luật sư", 17, [], ["quan-tri-doanh-nghiep"],
     ["vi", "en", "fr"]),
    ("Bùi Văn Lực", "Công nghệ sau thu hoạch", "Post-harvest technology",
     "Viện Nghiên cứu Nuôi trồng Thủy sản II", "Nghiên cứu viên chính", 20,
     ["che-bien-thuc-pham", "thuy-san"], ["cong-nghe-sau-thu-hoach"], ["vi"]),
    ("Lý Thu Trang", "Du lịch cộng đồng và trải nghiệm", "Community and experience tourism",
     "Hiệp hội Du lịch Phú Quốc", "Cố vấn", 12, ["du-lich-sinh-thai", "dich-vu-luu-tru"],
     ["marketing-so"], ["vi", "en", "ko"]),
    ("Hồ Quốc Việt", "Quản trị tài chính cho startup", "Financial management for startups",
     "Ngân hàng Phát triển Đồng bằng", "Chuyên viên cao cấp", 16, [],
     ["goi-von", "quan-tri-doanh-nghiep"], ["vi", "en"]),
    ("Ngô Thị Mỹ Linh", "Chuỗi cung ứng và logistics lạnh", "Supply chains and cold logistics",
     "Công ty Logistics Đảo Ngọc", "Giám đốc vận hành", 13, ["logistics"], ["xuat-khau"],
     ["vi", "zh"]),
    ("Dương Minh Triết", "Công nghệ sinh học và chế phẩm vi sinh",
     "Biotechnology and microbial products", "Trường Đại học Kiên Giang", "Phó Giáo sư", 25,
     ["thuy-san", "duoc-lieu"], ["cong-nghe-sinh-hoc", "xu-ly-nuoc"], ["vi", "en"]),
    ("Thái Hoàng Yến", "Thương mại điện tử xuyên biên giới", "Cross-border e-commerce",
     "Sàn Thương mại điện tử Chợ Phiên Số", "Đồng sáng lập", 7, ["thuong-mai-dien-tu"],
     ["marketing-so", "xuat-khau"], ["vi", "en", "km"]),
    ("Trương Đức Hải", "Kinh tế tuần hoàn và xử lý chất thải", "Circular economy and waste",
     "Trung tâm Ứng dụng Tiến bộ KH&CN", "Trưởng phòng", 18,
     ["kinh-te-tuan-hoan", "xu-ly-chat-thai"], ["cong-nghe-vat-lieu", "xu-ly-nuoc"], ["vi"]),
    ("Lâm Bảo Châu", "Chuyển đổi số cho hợp tác xã", "Digital transformation for cooperatives",
     "Liên minh Hợp tác xã tỉnh", "Chuyên gia tư vấn", 10, ["chuyen-doi-so", "lua-gao"],
     ["phan-tich-du-lieu", "quan-tri-doanh-nghiep"], ["vi"]),
]  # fmt: skip

TIER_S = {"mentors": 1000, "slots": 30_000}
NOTES = [
    ("Rà soát kế hoạch xuất khẩu, cần bổ sung chứng nhận.", "Gửi danh sách chứng nhận cần có."),
    ("Thảo luận định giá và bảng gọi vốn.", "Chỉnh bảng gọi vốn, gửi lại trong hai tuần."),
    ("Xem lại kênh bán hàng trực tuyến.", "Thử quảng cáo trên hai kênh trong một tháng."),
]


def local_at(days: int, hour: int):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def seed(*, tier: str, log) -> None:
    group = Group.objects.get(name="Mentors")
    languages = {language.code: language for language in Language.objects.all()}
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    tags = {tag.slug: tag for tag in ExpertiseTag.objects.all()}
    password = make_password(demo_password() if settings.DEBUG else None)
    rng = random.Random(7)
    made = []
    for index, row in enumerate(MENTORS):
        name, headline, headline_en, organisation, title, years = row[:6]
        sector_slugs, tag_slugs, langs = row[6:]
        email = "mentor@example.com" if index == 0 else demo_email(name, 70_000 + index)
        user, _ = User.objects.get_or_create(
            email=email, defaults={"full_name": name, "password": password}
        )
        if index == 0 and user.full_name != name:
            name = user.full_name
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        user.groups.add(group)
        profile, created = MentorProfile.objects.get_or_create(
            user=user,
            defaults={
                "slug": slugify(ascii_slug(name, " ")),
                "headline": headline,
                "headline_en": headline_en,
                "bio": f"{headline}. {years} năm kinh nghiệm, hiện là {title.lower()} tại "
                f"{organisation}. Sẵn sàng hỗ trợ doanh nghiệp khởi nghiệp của tỉnh.",
                "bio_en": f"{headline_en}. {years} years of experience, now at {organisation}.",
                "organisation_name": organisation,
                "job_title": title,
                "years_of_experience": years,
                "monthly_hours_cap": 6 + index % 5,
                "accepting_new_startups": index != 10,
                "status": MentorProfile.Status.APPROVED,
                "approved_at": timezone.now(),
            },
        )
        if created:
            profile.sectors.set([sectors[slug] for slug in sector_slugs])
            profile.expertise.set([tags[slug] for slug in tag_slugs])
            profile.languages.set([languages[code] for code in langs])
            publish_slots(profile, rng)
        made.append((profile, created))

    record_past_sessions([profile for profile, created in made if created], rng)
    if tier == "S":
        seed_generated(group, languages, sectors, tags, password, rng)
    log(
        f"mentors: {MentorProfile.objects.count()} mentors, "
        f"{OfficeHourSlot.objects.count()} slots, {Booking.objects.count()} bookings"
    )


def publish_slots(profile: MentorProfile, rng) -> None:
    """Two or three slots a week for the next four weeks, some online."""
    slots = []
    for week in range(4):
        for _ in range(rng.choice([2, 3])):
            day = week * 7 + rng.randint(1, 6)
            start = local_at(day, rng.choice([8, 9, 14, 15, 19]))
            online = rng.random() < 0.5
            slots.append(
                OfficeHourSlot(
                    mentor=profile,
                    starts_at=start,
                    ends_at=start + timedelta(minutes=rng.choice([30, 45, 60])),
                    online_url="https://meet.example.org/innohub-tu-van" if online else "",
                    location="" if online else "Vườn ươm Doanh nghiệp Khởi nghiệp tỉnh",
                )
            )
    # Overlaps are possible when random hours coincide on a day: keep the first.
    kept = []
    for slot in sorted(slots, key=lambda s: s.starts_at):
        if not kept or slot.starts_at >= kept[-1].ends_at:
            kept.append(slot)
    OfficeHourSlot.objects.bulk_create(kept)


def record_past_sessions(profiles, rng) -> None:
    """Sessions in the last two months, with notes, follow-ups and ratings."""
    startups = list(Startup.objects.public().order_by("pk")[:20])
    owners = dict(
        Membership.objects.filter(organisation__in=startups, role="owner").values_list(
            "organisation_id", "user_id"
        )
    )
    for profile in profiles:
        for session in range(3):
            start = local_at(-7 * (session + 1) - rng.randint(0, 3), 10)
            slot = OfficeHourSlot.objects.create(
                mentor=profile,
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                location="Vườn ươm Doanh nghiệp Khởi nghiệp tỉnh",
                status=OfficeHourSlot.Status.BOOKED,
            )
            startup = rng.choice(startups)
            notes, follow_up = rng.choice(NOTES)
            Booking.objects.create(
                slot=slot,
                startup=startup,
                booked_by_id=owners.get(startup.pk),
                agenda="Xin ý kiến về kế hoạch phát triển sản phẩm và thị trường.",
                status=Booking.Status.COMPLETED,
                notes=notes,
                follow_up_actions=follow_up,
                notes_updated_at=start + timedelta(hours=2),
                rating=rng.choice([4, 5, 5, 3]),
                rating_comment="Buổi tư vấn rất thiết thực.",
            )


def seed_generated(group, languages, sectors, tags, password, rng) -> None:
    """Tier S: 1,000 mentors and 30,000 slots, in bulk."""
    existing = MentorProfile.objects.filter(slug__startswith="bench-mentor-").count()
    if existing >= TIER_S["mentors"]:
        return
    names = [vietnamese_name(rng) for _ in range(existing, TIER_S["mentors"])]
    users = User.objects.bulk_create(
        [
            User(email=f"bench-mentor-{n}@example.com", full_name=name, password=password)
            for n, name in enumerate(names, start=existing + 1)
        ],
        batch_size=1000,
    )
    group.user_set.add(*users)
    profiles = MentorProfile.objects.bulk_create(
        [
            MentorProfile(
                user=user,
                slug=f"bench-mentor-{n}",
                headline=rng.choice(MENTORS)[1],
                years_of_experience=rng.randint(3, 30),
                status=MentorProfile.Status.APPROVED if n % 10 else MentorProfile.Status.PENDING,
                search_document=ascii_slug(user.full_name, " "),
            )
            for n, user in enumerate(users, start=existing + 1)
        ],
        batch_size=1000,
    )
    sector_list, tag_list = list(sectors.values()), list(tags.values())
    language_vi, language_en = languages["vi"], languages["en"]
    MentorProfile.sectors.through.objects.bulk_create(
        [
            MentorProfile.sectors.through(mentorprofile_id=p.pk, sector_id=s.pk)
            for p in profiles
            for s in rng.sample(sector_list, 2)
        ],
        batch_size=2000,
    )
    MentorProfile.expertise.through.objects.bulk_create(
        [
            MentorProfile.expertise.through(mentorprofile_id=p.pk, expertisetag_id=t.pk)
            for p in profiles
            for t in rng.sample(tag_list, 2)
        ],
        batch_size=2000,
    )
    MentorProfile.languages.through.objects.bulk_create(
        [
            MentorProfile.languages.through(mentorprofile_id=p.pk, language_id=language.pk)
            for p in profiles
            for language in ([language_vi, language_en] if p.pk % 3 else [language_vi])
        ],
        batch_size=2000,
    )
    per_mentor = TIER_S["slots"] // len(profiles)
    slots = []
    for profile in profiles:
        for number in range(per_mentor):
            # One slot a day at a fixed hour: never overlapping.
            start = local_at(number + 1, 9 + profile.pk % 8)
            slots.append(
                OfficeHourSlot(
                    mentor=profile,
                    starts_at=start,
                    ends_at=start + timedelta(minutes=60),
                    online_url="https://meet.example.org/innohub-tu-van",
                )
            )
    OfficeHourSlot.objects.bulk_create(slots, batch_size=5000)
