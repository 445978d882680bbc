from .calls import CallFilterForm, CallIndexPage, CallPage
from .documents import DocumentIndexPage, IssuingBody, OfficialDocument
from .home import HomePage
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from .settings import FooterLink, MainMenuItem, NavigationSettings, SiteSettings
from .standard import FormField, FormPage, StandardPage

__all__ = [
    "CallFilterForm",
    "CallIndexPage",
    "CallPage",
    "DocumentIndexPage",
    "FooterLink",
    "FormField",
    "FormPage",
    "HomePage",
    "IssuingBody",
    "MainMenuItem",
    "NavigationSettings",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "OfficialDocument",
    "SiteSettings",
    "StandardPage",
]
