"""The home page, the site record, the privacy notice and the accessibility statement."""

from __future__ import annotations

from typing import TextIO

from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage

HOME_INTRO = (
    "<p>This is where everyone who works with children and families in the partnership learns "
    "Signs of Safety: the way we work with families to keep children safe.</p>"
    "<p>Take the e-learning, practise on case scenarios, book your two-day training and see "
    "what your role needs you to complete.</p>"
)

PRIVACY = [
    ("heading", "Who we are"),
    (
        "paragraph",
        "<p>The partnership's training team runs this learning platform for staff and members of "
        "the partner agencies. The council is the data controller for the information held here.</p>",
    ),
    ("heading", "What we hold about you"),
    (
        "paragraph",
        "<p>Your name, work email address, agency, team, role, start date and line manager; the courses, "
        "lessons and case scenarios you have started and completed, with your answers; your learning journal; "
        "your training bookings and attendance; and certificates issued to you.</p>",
    ),
    ("heading", "Why we hold it"),
    (
        "paragraph",
        "<p>To give you your training, to record what you have completed, and to show your managers, "
        "practice leads and the safeguarding board how far training has reached. Our lawful basis is the "
        "public task of safeguarding children and the employment relationship with your agency.</p>",
    ),
    ("heading", "Who can see it"),
    (
        "paragraph",
        "<p>You can see all of it. Practice leads see the training records of the teams they support. "
        "Training administrators see training records across the partnership. Your learning journal is "
        "private to you. The board sees only totals.</p>",
    ),
    ("heading", "How long we keep it"),
    (
        "paragraph",
        "<p>While you work for a partner agency, and then for the retention period the partnership has set. "
        "After that your personal details are removed and only anonymous totals remain.</p>",
    ),
    ("heading", "Your rights"),
    (
        "paragraph",
        "<p>You can download everything we hold about you from your profile page, ask us to correct it, "
        "and ask us to delete your account. Contact the training team or the council's data protection "
        "officer to exercise any of your rights, or to complain.</p>",
    ),
]

ACCESSIBILITY = [
    ("heading", "Using this website"),
    (
        "paragraph",
        "<p>We want as many people as possible to be able to use this website. You should be able to "
        "zoom in up to 400% without text spilling off the screen, navigate the whole site using just a "
        "keyboard, use it with a screen reader, and complete every form, including case scenarios, "
        "without a mouse and without JavaScript.</p>",
    ),
    ("heading", "How accessible this website is"),
    (
        "paragraph",
        "<p>We test every main journey in a real browser with an automated accessibility checker against "
        "the Web Content Accessibility Guidelines version 2.2 AA standard. Automated checks do not find "
        "every problem, so we also test by hand with a keyboard and at narrow screen sizes.</p>"
        "<p>Course certificates are tagged PDFs (PDF/UA) that state their language and title, so a "
        "screen reader reads them in order; each also has a web page version with the same details.</p>",
    ),
    ("heading", "Compliance status"),
    (
        "paragraph",
        "<p>This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 "
        "AA standard, because of the exceptions listed below.</p>",
    ),
    ("heading", "Content that is not accessible"),
    (
        "paragraph",
        "<p>Documents that our editors upload, such as handouts for the two-day training, may not all meet "
        "the standard. Tell us if you need one in another format.</p>"
        "<p>The drag and drop in case scenarios needs a mouse or touch screen, but every card can also be "
        "placed with its own menu and button, from the keyboard or without JavaScript.</p>",
    ),
    ("heading", "Preparation of this statement"),
    (
        "paragraph",
        "<p>This statement was prepared on 1 December 2026. It is reviewed whenever the website changes "
        "in a way that could affect accessibility, and at least once a year. The website was last tested "
        "on 1 December 2026 by the team that builds it, with automated checks on every page of the main "
        "journeys and by hand with a keyboard, at 320 pixels wide and at 200% zoom.</p>",
    ),
    ("heading", "Reporting problems"),
    (
        "paragraph",
        "<p>If you find a problem that is not listed here, or you need information in a different "
        "format, contact the training team. We will reply within 10 working days.</p>",
    ),
    ("heading", "Enforcement procedure"),
    (
        "paragraph",
        "<p>The Equality and Human Rights Commission is responsible for enforcing the Public Sector Bodies "
        "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy "
        "with how we respond to your complaint, contact the Equality Advisory and Support Service.</p>",
    ),
]


def ensure_tree_root() -> Page:
    """The tree's root and default locale, which Wagtail's migrations make but a
    flushed test database (browser tests) no longer has."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def load(out: TextIO, scale: int = 0) -> None:
    ensure_tree_root()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's first migration makes a placeholder page and a site for it:
        # ours replace both.
        placeholders = Page.objects.filter(depth=2, content_type__app_label="wagtailcore")
        Site.objects.filter(root_page__in=placeholders).delete()
        placeholders.delete()
        root = Page.get_first_root_node()
        home = HomePage(title="Signs of Safety learning", slug="home", intro=HOME_INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    _ensure_page(home, "privacy", "Privacy notice", PRIVACY)
    _ensure_page(home, "accessibility", "Accessibility statement", ACCESSIBILITY)
    out.write("Home: home page, privacy notice and accessibility statement.\n")


def _ensure_page(parent: Page, slug: str, title: str, body: list[tuple[str, str]]) -> StandardPage:
    existing = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = StandardPage(title=title, slug=slug, body=body)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
