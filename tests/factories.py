import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User

PASSWORD = "Mật-khẩu-thử-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"nguoi-dung-{n}@example.com")
    full_name = factory.Faker("name", locale="vi_VN")
    preferred_language = "vi"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """A verified primary email, as after a completed sign-up (verified=False to skip)."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(*(Group.objects.get(name=name) for name in extracted))


# Taxonomies come from the seeding migration; factories look them up by slug.
def _taxonomy(model_name, slug):
    from django.apps import apps

    return apps.get_model("ecosystem", model_name).objects.get(slug=slug)


def _sector(slug="thuy-san"):
    return _taxonomy("Sector", slug)


class StartupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "ecosystem.Startup"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Khởi nghiệp Biển Xanh {n}")
    slug = factory.Sequence(lambda n: f"khoi-nghiep-bien-xanh-{n}")
    tagline = "Tôm sạch từ Hà Tiên"
    description = "Nuôi tôm tuần hoàn, tiết kiệm nước, truy xuất nguồn gốc."
    status = "verified"
    founded_year = 2022
    stage = factory.LazyFunction(lambda: _taxonomy("Stage", "san-pham-mau"))
    area = factory.LazyFunction(lambda: _taxonomy("Area", "ha-tien"))
    contact_email = factory.Sequence(lambda n: f"lienhe{n}@bienxanh.example.com")
    contact_phone = "0901 234 567"

    @factory.post_generation
    def sectors(organisation, create, extracted, **kwargs):
        if create:
            organisation.sectors.set(extracted if extracted is not None else [_sector()])

    @factory.post_generation
    def owner(organisation, create, extracted, **kwargs):
        """owner=<user> makes that person the owner."""
        if create and extracted:
            MembershipFactory(organisation=organisation, user=extracted, role="owner")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "ecosystem.Partner"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Trường Đại học Kiên Giang {n}")
    slug = factory.Sequence(lambda n: f"dai-hoc-kien-giang-{n}")
    tagline = "Đào tạo và nghiên cứu khoa học"
    status = "verified"
    partner_type = "university"


class ResearchGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "ecosystem.ResearchGroup"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Nhóm nghiên cứu Công nghệ sinh học {n}")
    slug = factory.Sequence(lambda n: f"nhom-cong-nghe-sinh-hoc-{n}")
    tagline = "Chế phẩm sinh học cho nuôi trồng thủy sản"
    status = "verified"
    host_institution = factory.SubFactory(PartnerFactory)
    lead_researcher = "PGS.TS. Lê Văn Hòa"
    members_count = 6

    @factory.post_generation
    def sectors(organisation, create, extracted, **kwargs):
        if create:
            organisation.sectors.set(extracted if extracted is not None else [_sector()])


class TechnologyOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "ecosystem.TechnologyOffer"

    research_group = factory.SubFactory(ResearchGroupFactory)
    title = factory.Sequence(lambda n: f"Chế phẩm vi sinh xử lý nước ao nuôi {n}")
    summary = "Giảm khí độc trong ao nuôi tôm, đã thử nghiệm tại Kiên Lương."
    trl = 6
    ip_status = "filed"
    licensing_terms = "Chuyển giao không độc quyền."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "ecosystem.Membership"

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(StartupFactory)
    role = "member"


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "ecosystem.Interaction"

    organisation = factory.SubFactory(StartupFactory)
    kind = "meeting"
    summary = "Gặp nhóm sáng lập, trao đổi nhu cầu ươm tạo."
    coordinator = factory.SubFactory(UserFactory)


QUESTIONS = [
    (
        "short_text",
        {
            "key": "product-name",
            "label": "Tên sản phẩm",
            "label_en": "Product name",
            "help_text": "",
            "help_text_en": "",
            "required": True,
        },
    ),
    (
        "long_text",
        {
            "key": "plan",
            "label": "Kế hoạch sử dụng kinh phí",
            "label_en": "How will you use the support?",
            "help_text": "Tối đa 1.000 ký tự.",
            "help_text_en": "At most 1,000 characters.",
            "required": True,
            "max_length": 1000,
        },
    ),
    (
        "number",
        {
            "key": "team-size",
            "label": "Số thành viên",
            "label_en": "Team size",
            "help_text": "",
            "help_text_en": "",
            "required": False,
            "min_value": 1,
            "max_value": 500,
        },
    ),
    (
        "file",
        {
            "key": "business-plan",
            "label": "Kế hoạch kinh doanh",
            "label_en": "Business plan",
            "help_text": "PDF, DOCX hoặc XLSX, tối đa 20 MB.",
            "help_text_en": "PDF, DOCX or XLSX, at most 20 MB.",
            "required": False,
        },
    ),
]


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "ecosystem.Programme"

    name = factory.Sequence(lambda n: f"Chương trình ươm tạo {n}")
    name_en = factory.Sequence(lambda n: f"Incubation programme {n}")
    slug = factory.Sequence(lambda n: f"uom-tao-{n}")
    kind = "incubation"
    total_budget = 2_000_000_000


class CallFactory(factory.django.DjangoModelFactory):
    """An open call (closes in 30 days) for startups, with four questions and
    two weighted criteria."""

    class Meta:
        model = "ecosystem.Call"
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Đợt kêu gọi ươm tạo {n}")
    title_en = factory.Sequence(lambda n: f"Incubation call {n}")
    slug = factory.Sequence(lambda n: f"dot-ke-goi-{n}")
    opens_at = factory.LazyFunction(lambda: _now() - _days(10))
    closes_at = factory.LazyFunction(lambda: _now() + _days(30))
    accepts_startups = True
    max_award = 200_000_000
    questions = QUESTIONS

    @factory.post_generation
    def criteria(call, create, extracted, **kwargs):
        if not create:
            return
        from ecosystem.models import Criterion

        for order, (name, weight) in enumerate(extracted or [("Tính mới", 2), ("Thị trường", 1)]):
            Criterion.objects.create(
                call=call, name=name, name_en=name, weight=weight, sort_order=order
            )


def _now():
    from django.utils import timezone

    return timezone.now()


def _days(n):
    from datetime import timedelta

    return timedelta(days=n)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "ecosystem.Application"

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(StartupFactory)
    status = "draft"
    answers = factory.LazyFunction(
        lambda: {"product-name": "Rong nho sấy", "plan": "Mua máy sấy.", "team-size": 4}
    )


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "ecosystem.Review"

    application = factory.SubFactory(ApplicationFactory, status="in_review")
    reviewer = factory.SubFactory(UserFactory, groups=["Council members"])


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Venue"

    name = "Vườn ươm Doanh nghiệp Khởi nghiệp tỉnh"
    address = "Số 1 Lê Lợi, phường Rạch Giá"


class EventFactory(factory.django.DjangoModelFactory):
    """A public workshop in a week, 14:00 to 16:00 local time, 50 seats, waitlist on."""

    class Meta:
        model = "events.Event"

    title = factory.Sequence(lambda n: f"Hội thảo khởi nghiệp {n}")
    title_en = factory.Sequence(lambda n: f"Startup workshop {n}")
    slug = factory.Sequence(lambda n: f"hoi-thao-khoi-nghiep-{n}")
    description = "Chia sẻ kinh nghiệm gọi vốn."
    kind = "workshop"
    venue = factory.SubFactory(VenueFactory)
    starts_at = factory.LazyFunction(lambda: _local_at(7, 14))
    ends_at = factory.LazyFunction(lambda: _local_at(7, 16))
    capacity = 50
    waitlist_enabled = True


def _local_at(days_ahead, hour):
    from django.utils import timezone

    moment = timezone.localtime() + _days(days_ahead)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Registration"

    event = factory.SubFactory(EventFactory)
    name = factory.Faker("name", locale="vi_VN")
    email = factory.Sequence(lambda n: f"khach-{n}@example.com")
    status = "confirmed"


class MentorFactory(factory.django.DjangoModelFactory):
    """An approved mentor who is taking new startups."""

    class Meta:
        model = "mentors.MentorProfile"
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, groups=["Mentors"])
    slug = factory.Sequence(lambda n: f"chuyen-gia-{n}")
    headline = "Chuyên gia xuất khẩu thủy sản"
    headline_en = "Seafood export expert"
    bio = "Hai mươi năm kinh nghiệm xuất khẩu thủy sản sang châu Âu."
    status = "approved"
    monthly_hours_cap = 8


class SlotFactory(factory.django.DjangoModelFactory):
    """A free one-hour online slot three days from now at 09:00 local time."""

    class Meta:
        model = "mentors.OfficeHourSlot"

    mentor = factory.SubFactory(MentorFactory)
    starts_at = factory.LazyFunction(lambda: _local_at(3, 9))
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + _hours(1))
    online_url = "https://meet.example.org/gio-tu-van"


def _hours(n):
    from datetime import timedelta

    return timedelta(hours=n)
