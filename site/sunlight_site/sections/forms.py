"""The pages that call the complaint API: ``/complaints/new/``, ``/complaints/status/``, ``/feedback/``,
``/staff/``.

Choices (categories, offices, streets, powers) are rendered into the pages at build time from the
content, so the forms read without JavaScript; submitting needs it (``/theme/js/forms.js``), and
each page says so politely in a ``<noscript>``.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup
from sunlight.domain.complaints import ACTION_LABELS, STATUS_LABELS

from sunlight_site.render.context import COLUMN_INTERACTION, column
from sunlight_site.render.writer import SiteWriter
from sunlight_site.sections.base import SectionGenerator

PAGES = (
    ("forms/complaint_new.html", "complaints/new/index.html", "涉企投诉", "complaints"),
    ("forms/complaint_status.html", "complaints/status/index.html", "进度查询", "status"),
    ("forms/feedback.html", "feedback/index.html", "监督反馈与纠错", "feedback"),
    ("forms/staff.html", "staff/index.html", "投诉办理工作台", "staff"),
    ("forms/verify.html", "verify/index.html", "检查码核验", "verify"),
)


class FormsGenerator(SectionGenerator):
    def generate_context(self) -> None:
        content = self.content
        complaints = content.complaints
        self.choices: dict[str, Any] = {
            "categories": [(c.id, c.name) for c in complaints.categories],
            "feedback_categories": [
                (c.id, c.name) for c in (complaints.feedback_categories or complaints.categories)
            ],
            "offices": [(o.id, o.name) for o in content.offices],
            # the offices one may complain about: the agency's own, not its external supervisors
            "agency_offices": [(o.id, o.name) for o in content.offices if o.kind != "external"],
            "streets": [(s, s) for s in sorted({s for o in content.offices for s in o.streets})],
            "powers": [(p.code, p.name) for p in content.powers if p.status == "active"],
            "phone": content.agency.phone,
            # /verify/ prefills a complaint about an inspection with this category (docs/inspections.md)
            "repeat_category": next((c.id for c in complaints.categories if c.name == "重复检查"), ""),
            # labels the staff workbench shows for trail entries (the domain's own words)
            "labels_json": Markup(
                json.dumps(
                    {
                        "actions": ACTION_LABELS,
                        "statuses": STATUS_LABELS,
                        "offices": {o.id: o.name for o in content.offices},
                        "categories": {
                            c.id: c.name
                            for c in [*complaints.categories, *(complaints.feedback_categories or [])]
                        },
                    },
                    ensure_ascii=False,
                ).replace("<", "\\u003c")
            ),
        }

    def generate_output(self, writer: SiteWriter) -> None:
        for template, path, title, active in PAGES:
            writer.write_page(
                template,
                path,
                {
                    "active": active,
                    "column": column(title, COLUMN_INTERACTION),
                    "page_title": title,
                    **self.choices,
                },
            )
        self.count("forms", len(PAGES))
