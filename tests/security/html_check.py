"""Find active content in a rendered page with Python's own HTML parser.

What counts as active: an on* attribute, a script that is not a JSON-LD data
block holding valid JSON, a javascript:/vbscript:/data: URL in any attribute
a browser follows, and embedding or page-hijacking elements (svg, math,
iframe, object, embed, base, form…) beyond those the page's own template has.
"""

import json
import re
from collections import Counter
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcset",
                  "cite", "codebase", "dynsrc", "lowsrc", "ping", "manifest"}
FORBIDDEN_TAGS = {"svg", "math", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form",
                  "input", "button", "textarea", "select", "portal", "style", "template", "noscript", "meta", "link",
                  "script", "video", "audio", "source", "details", "marquee", "xmp", "plaintext", "noembed",
                  "noframes", "title", "body"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript):", re.I)
# Browsers drop ASCII whitespace and control characters anywhere in a scheme.
STRIP = re.compile(r"[\x00-\x20\x7f]+")


class ActiveContentFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.tags = Counter()
        self._script = None

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler")
            if name in ("srcdoc",):
                self.problems.append(f"<{tag} srcdoc>")
            if value is None:
                continue
            refresh = tag == "meta" and name == "content" and (dict(attrs).get("http-equiv") or "").lower() == "refresh"
            if name in URL_ATTRIBUTES or name.endswith("href") or refresh:
                candidates = [value]
                if refresh:  # <meta http-equiv=refresh content="0;url=…">
                    candidates = [part.split("=", 1)[-1] for part in value.split(";")]
                if name == "srcset":
                    candidates = [part.strip().split(" ")[0] for part in value.split(",")]
                for candidate in candidates:
                    if BAD_SCHEME.match(STRIP.sub("", candidate)):
                        self.problems.append(f"<{tag} {name}={value[:60]!r}> dangerous URL")
            if name == "style" and re.search(r"expression\(|javascript:|url\(", value, re.I):
                self.problems.append(f"<{tag} style={value[:60]!r}> active style")
        if tag == "script":
            script_type = dict(attrs).get("type") or ""
            self._script = {"type": script_type, "src": dict(attrs).get("src"), "text": ""}

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            script, self._script = self._script, None
            if script["type"] == "application/ld+json":
                try:
                    json.loads(script["text"])
                except ValueError:
                    self.problems.append(f"JSON-LD block is not valid JSON: {script['text'][:80]!r}")
            elif not (script["src"] or "").startswith("/static/"):
                self.problems.append(f"executable <script> {script['text'][:60]!r}")


def find_active_content(html, baseline=None):
    """Problems found in html; tags of FORBIDDEN_TAGS beyond the baseline page's count are problems too."""
    finder = ActiveContentFinder()
    finder.feed(html)
    finder.close()
    problems = list(finder.problems)
    if baseline is not None:
        for tag in FORBIDDEN_TAGS:
            if finder.tags[tag] > baseline[tag]:
                problems.append(f"<{tag}> from content ({finder.tags[tag]} on the page, {baseline[tag]} in template)")
    return problems


def tag_counts(html):
    finder = ActiveContentFinder()
    finder.feed(html)
    finder.close()
    return finder.tags
