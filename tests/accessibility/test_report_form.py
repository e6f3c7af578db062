"""The barrier report on the accessibility statement: validation, the page address
(prefill and the same-site rule), the consent rule, spam defence (honeypot,
minimum fill time, signed stamp, rate limit), the mails, garbage input and the
page cache."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase, override_settings

from accessibility.models import BarrierReport, ReportStatus
from editorial.roles import MODERATION
from tests.helpers import page_text

from .support import (
    STATEMENT,
    STATEMENT_EN,
    THANKS,
    THANKS_EN,
    VISITOR,
    report_data,
    stamp,
    statement_site,
)

FAILING_MAIL = "tests.editorial.ui_support.FailingOpenBackend"


class ReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = statement_site()
        moderation = Group.objects.get(name=MODERATION)
        cls.former = get_user_model().objects.create_user(
            username="ehemalig", email="ehemalig@example.org", is_active=False
        )
        cls.former.groups.add(moderation)

    def post(self, url=STATEMENT, **data):
        return self.client.post(url, report_data(**data))

    # -- a valid report ---------------------------------------------------------

    def test_valid_report_is_saved_and_redirects_to_the_confirmation(self):
        response = self.post()
        self.assertRedirects(response, THANKS)
        report = BarrierReport.objects.get()
        self.assertEqual(report.status, ReportStatus.NEW)
        self.assertEqual(report.language, "de")
        self.assertEqual(report.page_address, "/de/veranstaltungen/")
        self.assertIn("Tastatur nicht öffnen", report.description)
        self.assertEqual((report.name, report.email, report.consented_at), ("", "", None))
        thanks = self.client.get(THANKS)
        self.assertContains(thanks, "Vielen Dank für Ihre Meldung")
        self.assertContains(thanks, "innerhalb von zwei Wochen")

    def test_english_report_keeps_its_language_and_has_its_confirmation_page(self):
        response = self.post(STATEMENT_EN, page_address="/en/events/")
        self.assertRedirects(response, THANKS_EN)
        self.assertEqual(BarrierReport.objects.get().language, "en")
        thanks = self.client.get(THANKS_EN)
        self.assertEqual(thanks.status_code, 200)
        self.assertIn('lang="en"', thanks.content.decode())

    def test_only_active_moderators_are_told_without_the_report_itself(self):
        self.post(description="Kontrast zu schwach: GEHEIMER-TEXT")
        self.assertEqual(
            sorted(address for m in mail.outbox for address in m.to), ["moderation@example.org"]
        )
        (message,) = mail.outbox
        report = BarrierReport.objects.get()
        self.assertIn(f"/admin/barrieremeldungen/inspect/{report.pk}/", message.body)
        self.assertIn("/de/veranstaltungen/", message.body)
        self.assertNotIn("GEHEIMER-TEXT", message.body)

    def test_confirmation_goes_to_a_given_address_in_the_language_of_the_page(self):
        self.post(name="Eva Muster", email=VISITOR, consent="on", description="Text X-ECHO")
        (confirmation,) = [m for m in mail.outbox if m.to == [VISITOR]]
        self.assertIn("zwei Wochen", confirmation.body)
        self.assertIn("https://www.schlichtungsstelle-bgg.de", confirmation.body)
        # Nothing typed by the sender is repeated to the address typed.
        self.assertNotIn("X-ECHO", confirmation.body)
        self.assertNotIn("Eva Muster", confirmation.body)
        report = BarrierReport.objects.get()
        self.assertEqual((report.name, report.email), ("Eva Muster", VISITOR))
        self.assertIsNotNone(report.consented_at)

    def test_confirmation_dates_follow_the_language(self):
        from django.utils import formats, translation

        self.post(email=VISITOR, consent="on")
        self.post(STATEMENT_EN, email="visitor@example.org", consent="on")
        german = next(m for m in mail.outbox if m.to == [VISITOR]).body
        english = next(m for m in mail.outbox if m.to == ["visitor@example.org"]).body
        created = BarrierReport.objects.first().created_at
        with translation.override("de"):
            self.assertIn(formats.date_format(created, "DATE_FORMAT"), german)
        with translation.override("en"):
            self.assertIn(formats.date_format(created, "DATE_FORMAT"), english)
        self.assertNotEqual(german, english)

    @override_settings(EMAIL_BACKEND=FAILING_MAIL)
    def test_a_failing_mail_server_loses_no_report(self):
        response = self.post(email=VISITOR, consent="on")
        self.assertRedirects(response, THANKS)
        self.assertEqual(BarrierReport.objects.count(), 1)

    # -- validation --------------------------------------------------------------

    def assert_refused(self, response, message: str):
        self.assertEqual(response.status_code, 200)
        self.assertIn(message, page_text(response))
        self.assertFalse(BarrierReport.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_empty_description_is_refused_with_an_accessible_error(self):
        response = self.post(description="   ")
        self.assert_refused(response, "Bitte prüfen Sie Ihre Angaben")
        html = response.content.decode()
        self.assertIn('href="#id_description"', html)  # the summary links the field
        self.assertIn('aria-describedby="id_description-help id_description-error"', html)
        self.assertIn('aria-invalid="true"', html)
        self.assertIn('value="/de/veranstaltungen/"', html)  # what was typed stays

    def test_too_long_description_is_refused(self):
        response = self.post(description="x" * 2001)
        self.assert_refused(response, "höchstens 2000 Zeichen")

    def test_foreign_addresses_are_refused_with_a_clear_error(self):
        for address in (
            "https://boese.example.com/de/",
            "//boese.example.com/de/",
            "javascript:alert(1)",
            "regionen/gera/",
            "/\\boese.example.com",
        ):
            with self.subTest(address=address):
                response = self.post(page_address=address)
                self.assert_refused(response, "Bitte geben Sie eine Adresse dieses Portals an")

    def test_a_full_url_of_this_site_is_stored_as_its_path(self):
        self.post(page_address="http://testserver/de/regionen/gera/?q=geheim#x")
        self.assertEqual(BarrierReport.objects.get().page_address, "/de/regionen/gera/")

    def test_an_empty_address_is_allowed(self):
        self.assertRedirects(self.post(page_address=""), THANKS)

    def test_contact_data_needs_consent(self):
        for contact in ({"email": VISITOR}, {"name": "Eva Muster"}):
            with self.subTest(**contact):
                response = self.post(**contact)
                self.assert_refused(response, "Bitte stimmen Sie der Speicherung")
                self.assertIn('href="#id_consent"', response.content.decode())

    def test_invalid_email_is_refused(self):
        self.assert_refused(self.post(email="keine-adresse", consent="on"), "E-Mail")

    # -- prefill -------------------------------------------------------------------

    def address_field(self, response) -> str:
        html = response.content.decode()
        start = html.index('name="page_address"')
        tag = html[html.rindex("<input", 0, start) : html.index(">", start)]
        return tag.split('value="')[1].split('"')[0] if 'value="' in tag else ""

    def test_prefill_from_the_footer_parameter(self):
        response = self.client.get(STATEMENT, {"adresse": "/de/regionen/gera/"})
        self.assertEqual(self.address_field(response), "/de/regionen/gera/")

    def test_prefill_from_a_referer_of_this_site(self):
        response = self.client.get(STATEMENT, HTTP_REFERER="http://testserver/de/vision/?x=1")
        self.assertEqual(self.address_field(response), "/de/vision/")

    def test_foreign_prefills_are_dropped_silently(self):
        cases = [
            ({"adresse": "https://boese.example.com/x"}, {}),
            ({}, {"HTTP_REFERER": "https://boese.example.com/de/vision/"}),
            ({"adresse": "javascript:alert(1)"}, {"HTTP_REFERER": "ftp://testserver/x"}),
            ({}, {"HTTP_REFERER": "http://testserver/de/barrierefreiheit/"}),  # itself
            ({"adresse": "/de/\x07vision/"}, {}),  # a control character
        ]
        for query, headers in cases:
            with self.subTest(query=query, headers=headers):
                response = self.client.get(STATEMENT, query, **headers)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.address_field(response), "")

    def test_the_parameter_wins_over_the_referer(self):
        response = self.client.get(
            STATEMENT, {"adresse": "/de/"}, HTTP_REFERER="http://testserver/de/vision/"
        )
        self.assertEqual(self.address_field(response), "/de/")

    # -- spam defence ------------------------------------------------------------------

    def test_form_has_a_hidden_honeypot_and_a_stamp(self):
        html = self.client.get(STATEMENT).content.decode()
        box = html[html.index('aria-hidden="true"', html.index("<form")) :]
        box = box[: box.index("</div>")]
        self.assertIn('name="website"', box)
        self.assertIn('tabindex="-1"', box)
        self.assertIn('name="stamp"', html)

    def test_honeypot_gets_the_confirmation_and_nothing_happens(self):
        response = self.post(website="https://spam.example.org", email=VISITOR, consent="on")
        self.assertRedirects(response, THANKS)
        self.assertFalse(BarrierReport.objects.exists())
        self.assertEqual(mail.outbox, [])

    @override_settings(BARRIER_REPORT_MIN_SECONDS=5)
    def test_too_fast_is_refused(self):
        response = self.post(stamp=stamp(seconds_ago=1))
        self.assert_refused(response, "Das ging sehr schnell")
        self.assertIn("Tastatur nicht öffnen", response.content.decode())

    def test_a_stamp_of_another_form_or_garbage_is_refused(self):
        from practice.forms import STAMP_SALT as PRACTICE_SALT
        from security.forms import new_stamp

        for bad in ("", "1234", stamp()[:-2] + "xx", "a" * 5000, new_stamp(PRACTICE_SALT)):
            with self.subTest(stamp=bad[:20]):
                self.assert_refused(self.post(stamp=bad), "unvollständig angekommen")

    @override_settings(BARRIER_REPORT_LIMIT=2)
    def test_rate_limit_per_client_address_answers_429_with_the_form(self):
        for _ in range(2):
            self.assertRedirects(self.post(), THANKS)
        response = self.post(description="Die dritte Meldung")
        self.assertEqual(response.status_code, 429)
        text = page_text(response)
        self.assertIn("Zu viele Meldungen in kurzer Zeit", text)
        self.assertIn("Die dritte Meldung", response.content.decode())
        self.assertEqual(BarrierReport.objects.count(), 2)
        # Another client address is not affected.
        other = self.client.post(STATEMENT, report_data(), REMOTE_ADDR="192.0.2.7")
        self.assertRedirects(other, THANKS)

    # -- garbage -----------------------------------------------------------------------

    def test_garbage_never_gives_a_server_error(self):
        cases = [
            {"description": "x" * 200_000},
            {"page_address": "/" + "a" * 10_000},
            {"page_address": "/de/\x00"},
            {"description": "Null\x00Byte"},
            {"page_address": "http://[::1"},
            {"email": "a@" + "b" * 300 + ".de", "consent": "on"},
            {"consent": "kaputt"},
        ]
        for data in cases:
            with self.subTest(data=str(data)[:40]):
                response = self.post(**data)
                self.assertIn(response.status_code, (200, 302))
        self.assertEqual(self.client.get(STATEMENT, {"adresse": "\x00" * 50}).status_code, 200)

    # -- the page cache ----------------------------------------------------------------

    def test_the_form_page_is_never_served_from_the_page_cache(self):
        for query in ({}, {"adresse": "/de/vision/"}):
            with self.subTest(query=query):
                self.client.get(STATEMENT, query)
                response = self.client.get(STATEMENT, query)
                self.assertNotEqual(response.get("X-Page-Cache"), "hit")
                self.assertIn("no-store", response["Cache-Control"])
                self.assertIn('name="csrfmiddlewaretoken"', response.content.decode())

    def test_the_page_cache_would_refuse_the_form_even_without_no_store(self):
        """The second layer: ops/middleware.py shares nothing with a CSRF field (a
        third: nothing that sets a cookie, here the CSRF cookie)."""
        from ops.middleware import cacheable_response

        response = self.client.get(STATEMENT)
        self.assertIn("csrftoken", response.cookies)
        del response["Cache-Control"]
        response.cookies.clear()
        self.assertFalse(cacheable_response(response.wsgi_request, response))

    def test_a_prefill_never_reaches_another_visitor(self):
        self.client.get(STATEMENT, {"adresse": "/de/vision/"})
        self.client.get(STATEMENT, HTTP_REFERER="http://testserver/de/vision/")
        other = self.client_class()
        self.assertNotIn('value="/de/vision/"', other.get(STATEMENT).content.decode())
