from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Render every `{{ form }}` on the public site with the design system's markup:
    a label, help text and errors tied to the input by id (Django adds
    aria-describedby and aria-invalid)."""

    form_template_name = "components/forms/form.html"
    field_template_name = "components/forms/field.html"
