"""The check that every complaint has an office independent of its handler to approve extensions,
review answers and receive 催办/督办 (``sunlight.domain.oversight``): a warning per office
complained about whose complaints would be overseen by their own handler."""

from __future__ import annotations

from sunlight.content.model import Content
from sunlight.domain.catalog import Catalog, Category, OfficeInfo, RoutingRule, Settings
from sunlight.domain.errors import Invalid
from sunlight.domain.oversight import oversight_gaps
from sunlight.domain.problems import Problem, Problems


def domain_catalog(content: Content) -> Catalog:
    """The part of the backend's catalog routing needs, straight from the content."""
    config = content.complaints
    return Catalog(
        offices={
            o.id: OfficeInfo(id=o.id, name=o.name, kind=o.kind, parent=o.parent, roles=tuple(o.roles))
            for o in content.offices
            if o.id
        },
        categories={c.id: Category(id=c.id, name=c.name) for c in config.categories},
        routing=tuple(
            RoutingRule(match=tuple((k, str(v)) for k, v in r.match.items() if v), handler=r.handler)
            for r in config.routing
        ),
        settings=Settings(designated_supervision=config.settings.get("designated_supervision") or None),
    )


def check_oversight(content: Content, problems: Problems) -> None:
    try:
        gaps = oversight_gaps(domain_catalog(content))
    except Invalid:  # routing that cannot place a complaint is reported by the routing checks
        return
    by_about: dict[str, set[str]] = {}
    for gap in gaps:
        by_about.setdefault(gap.about, set()).add(gap.handler)
    first = content.offices[0] if content.offices else None
    for about, handlers in by_about.items():
        office = next((o for o in content.offices if o.id == about), first)
        who = "、".join(sorted(handlers))
        problems.add(
            Problem(
                f"本局没有独立的监督机构:对 {about or '(未指明机构)'} 的投诉由 {who} 办理,"
                "无其他机构可批准延期、复核答复或接受催办督办;请在 offices.yaml 中添加外部监督机构(kind: external)",
                f"the agency has no independent supervisor: complaints about {about or '(no office)'} are handled"
                f" by {', '.join(sorted(handlers))} and no other office may approve an extension, review the"
                " answer or be chased; add an external office (kind: external) to offices.yaml",
                file=office.source if office else "offices.yaml",
                line=office.line if office else None,
                field="roles",
                value=about,
                record_id=about,
                severity="warning",
            )
        )
