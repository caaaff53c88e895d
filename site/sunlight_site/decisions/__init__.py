"""The decision pipeline behind the decisions section: views of the published records, their
pages (framed rendering, render keys, forked page streams), feeds, downloads and lookup, the
person-name verdicts, the disclosure timeliness, and what a build remembers for the next one."""
