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
