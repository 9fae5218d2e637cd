"""A page read as a tree of elements, to assert where things sit (the standard library's HTML parser)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    parent: "Element | None" = None
    children: list = field(default_factory=list)  # Elements and strings

    @property
    def classes(self):
        return self.attrs.get("class", "").split()

    @property
    def elements(self):
        return [child for child in self.children if isinstance(child, Element)]

    @property
    def text(self):
        """The text a reader sees, whitespace collapsed."""
        return " ".join(self._raw_text().split())

    def _raw_text(self):
        return "".join(child if isinstance(child, str) else child._raw_text() for child in self.children)

    def iter(self):
        for child in self.elements:
            yield child
            yield from child.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        return [element for element in self.iter()
                if (tag is None or element.tag == tag) and (cls is None or cls in element.classes)
                and all(element.attrs.get(name.rstrip("_")) == value for name, value in attrs.items())]

    def find(self, tag=None, cls=None, **attrs):
        found = self.find_all(tag, cls, **attrs)
        return found[0] if found else None

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("#document", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, {name: value or "" for name, value in attrs}, parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(content):
    builder = _Builder()
    builder.feed(content)
    builder.close()
    return builder.root
