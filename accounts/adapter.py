from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # Write to people in the language they chose, not in whatever language
        # the page that triggered the email happened to be in.
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def get_login_redirect_url(self, request):
        # Land in the language the person chose, whichever one they signed in from.
        url = super().get_login_redirect_url(request)
        return translate_url(url, request.user.preferred_language)
