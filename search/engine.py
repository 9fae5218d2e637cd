"""Site search: one query across every kind of published content.

Two engines answer the same question with the same shape of result:

- PostgreSQL: full-text search with the ``french_unaccent`` / ``english_unaccent``
  configurations, ``websearch_to_tsquery``, ranking with ``ts_rank`` and
  excerpts from ``ts_headline``. The vectors are stored: migration oim_site
  0002 (and core.search_vectors for a new type) adds generated ``search_fr`` / ``search_en`` columns with GIN indexes
  to every searchable table, built from the same fields and weights as
  :meth:`Kind.vector` below, from each app's registered search document (a PostgreSQL test checks they agree).
- SQLite (local development and the fast test run): accent- and case-folding
  functions registered on the connection, word-prefix matching of every term,
  a small ranking function, excerpts highlighted in Python.

Whatever the size of the content, a search runs three queries: the count, the
page of hits (kind, id, rank) and the texts of that page's hits. Texts of the
current language are read from the ``_fr`` / ``_en`` columns by name; English
falls back to French field by field, like the rest of the site.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Case, DateTimeField, F, FloatField, Func, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.links import fixed_url, slug_url
from core.registry import registry

#: Longer queries are cut (at a word) to this many characters.
MAX_QUERY_LENGTH = 200
#: Characters of text around the first match in an excerpt.
EXCERPT_LENGTH = 260

CONFIGS = {"fr": "french_unaccent", "en": "english_unaccent"}

# Marks that cannot come from content (Unicode private use area): the
# database puts them around matches, Python turns them into <mark> after
# escaping everything else.
START, STOP = "\ue000", "\ue001"

STOP_WORDS = {
    "fr": set(
        "au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme mes moi mon ne "
        "nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous "
        "est sont ete etre avoir"
        .split()
    ),
    "en": set(
        "a an and are as at be but by for from has have in into is it its of on or that the their this to was "
        "were will with".split()
    ),
}


# --- Text folding (the SQLite engine and the excerpts) ----------------------

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'", "ʼ": "'"})
_WORD = re.compile(r"[^\W_]+")


def fold(text):
    """Lower case without accents: "Réinstallation" -> "reinstallation"."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


#: Elements that end a run of text. Their tags become a space, other tags nothing: "<p>se poursuit.</p>
#: <h2>Contexte</h2><p>Avec" reads "se poursuit. Contexte Avec", and "<strong>Lampe</strong>dusa" stays one word.
BLOCK_ELEMENTS = (
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
)
#: One pattern for Python and PostgreSQL (whose regular expressions read it the same way).
BLOCK_TAG = r"</?(" + "|".join(BLOCK_ELEMENTS) + r")([[:space:]/][^>]*)?>"
_BLOCK_TAG = re.compile(BLOCK_TAG.replace("[:space:]", r"\s"), re.IGNORECASE)


def html_to_text(value):
    """Rich text as plain text: a space where a block ends, nothing for inline tags, entities decoded."""
    return html.unescape(strip_tags(_BLOCK_TAG.sub(" ", value or "")))


def fold_words(text):
    """A document as the SQLite engine matches it: " word word word "."""
    words = _WORD.findall(fold(html_to_text(text)))
    return f" {' '.join(words)} "


def _stem(word):
    # A light plural rule so that "reinstallations" finds "réinstallation"
    # (terms are matched as word prefixes, PostgreSQL stems properly).
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


# --- The query ---------------------------------------------------------------


@dataclass
class ParsedQuery:
    """What the visitor typed, cleaned, and the terms it means."""

    text: str = ""
    #: AND of clauses; each clause is an OR of folded terms or phrases.
    clauses: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    truncated: bool = False
    problem: str = ""  # "", "empty", "too_short", "no_words"

    @property
    def terms(self):
        return [term for clause in self.clauses for term in clause]


def parse_query(raw, language="fr"):
    """Clean a raw query and split it into terms, never raising.

    Follows the web-search syntax PostgreSQL understands: words are all
    required, "quoted phrases" stay together, -word excludes, "or" offers
    an alternative.
    """
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in str(raw or ""))
    text = " ".join(text.split())
    parsed = ParsedQuery()
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        parsed.truncated = True
    parsed.text = text
    if not text:
        parsed.problem = "empty"
        return parsed

    stop = STOP_WORDS.get(language, set())
    join_next = False
    for negated, phrase, word in re.findall(r'(-?)"([^"]*)"?|(-?\S+)', text):
        token = phrase if phrase else word
        if not phrase and word.startswith("-") and len(word) > 1:
            negated, token = "-", word[1:]
        if not phrase and fold(token) == "or":
            join_next = bool(parsed.clauses)
            continue
        words = [w for w in _WORD.findall(fold(token)) if len(w) > 1 and (phrase or w not in stop)]
        if not words:
            continue
        if phrase:
            terms = [" ".join(words[:-1] + [_stem(words[-1])])]
        else:
            terms = [_stem(w) for w in words]
        if negated:
            parsed.excluded.extend(terms)
        elif join_next and len(terms) == 1:
            parsed.clauses[-1].extend(terms)
        else:
            parsed.clauses.extend([t] for t in terms)
        join_next = False
    if not parsed.clauses:
        letters = _WORD.findall(text)
        parsed.problem = "too_short" if letters and all(len(w) < 2 for w in letters) else "no_words"
    return parsed


# --- Kinds of content --------------------------------------------------------


def _lang_col(name, language):
    """The column for the language; English falls back to French when empty."""
    if language == "fr":
        return F(f"{name}_fr")
    return Coalesce(NullIf(F(f"{name}_en"), Value("")), F(f"{name}_fr"), output_field=TextField())


def _col(name, language, translated):
    return _lang_col(name, language) if translated else F(name)


def html_to_text_sql(expression):
    """:func:`html_to_text` in PostgreSQL, for ts_headline: block tags become a space, other tags nothing.

    (Entities are decoded by :func:`_marks_to_html` afterwards.)
    """
    spaced = Func(expression, Value(BLOCK_TAG), Value(" "), Value("gi"), function="regexp_replace",
                  output_field=TextField())
    return Func(spaced, Value("<[^>]*>"), Value(""), Value("g"), function="regexp_replace", output_field=TextField())


class Kind:
    """A registered search document (core.registry.SearchDocument) bound to its model."""

    def __init__(self, model, document):
        self.model = model
        self.document = document

    def __getattr__(self, name):
        return getattr(self.document, name)

    def __repr__(self):
        return f"<Kind {self.document.key}>"

    def published(self):
        """The objects of this kind the public may see: the model's own visibility rule."""
        return getattr(self.model._default_manager, self.document.queryset)()

    def column(self, name, language):
        return _col(name, language, name not in self.plain)

    def search_vector(self, language):
        """The stored, GIN-indexed column where the table has one (core.search_vectors), else computed."""
        if not self.stored:
            return self.vector(language)
        return RawSQL(f'"{self.model._meta.db_table}"."search_{language}"', [], output_field=SearchVectorField())

    def vector(self, language):
        """The vector computed on the fly (what the stored column holds)."""
        vector = None
        for weight, names in self.weights.items():
            part = SearchVector(*(self.column(n, language) for n in names), config=CONFIGS[language], weight=weight)
            vector = part if vector is None else vector + part
        return vector

    def excerpt_source(self, language):
        parts = []
        for name in self.excerpt:
            parts += [Coalesce(self.column(name, language), Value(""), output_field=TextField()), Value(" ")]
        return Concat(*parts[:-1], output_field=TextField()) if len(parts) > 2 else parts[0]

    def slug_column(self, language):
        if not self.slug:
            return Value("")
        return F(f"{self.slug}_{language}")

    def url(self, row):
        if row["extra"]:
            return fixed_url(row["extra"])
        if self.slug:
            return slug_url(self.url_name, row["slug"])
        return fixed_url(self.url_name)


def searchable_kinds():
    """Every searchable kind of content, as registered by the content apps."""
    return [Kind(entry.model, entry.search) for entry in registry if entry.search is not None]


# --- SQLite functions -------------------------------------------------------


def _sqlite_doc(*values):
    return fold_words(" ".join(v for v in values if v))


def _sqlite_rank(title, doc, terms):
    """Matches in the title count triple; longer documents do not win by length."""
    title = fold_words(title)
    score = 0.0
    for term in terms.split("\t"):
        needle = f" {term}"
        score += 3 * title.count(needle) + min(doc.count(needle), 5)
    return score / (1 + len(doc) / 2000)


def _install_sqlite_functions():
    raw = connection.connection
    if getattr(raw, "_oim_search_functions", False):
        return
    raw.create_function("oim_doc", -1, _sqlite_doc, deterministic=True)
    raw.create_function("oim_rank", 3, _sqlite_rank, deterministic=True)
    try:
        raw._oim_search_functions = True
    except AttributeError:  # sqlite3.Connection has no __dict__ on some builds
        pass


# --- Results ------------------------------------------------------------------


@dataclass
class Hit:
    """One result as the page shows it."""

    kind: Kind
    title: str
    url: str
    excerpt: str
    date: object = None
    #: "fr" when the English page shows French text.
    lang: str = ""

    @property
    def kind_label(self):
        return self.kind.label


def _highlight(text, terms, *, length=EXCERPT_LENGTH, whole=False):
    """Escaped text with <mark> around the words that match (word prefixes).

    ``whole`` is for titles: plain text, shown whole. Otherwise the text is
    HTML (or plain text with HTML), reduced to an excerpt around the first match.
    """
    text = (text or "") if whole else html_to_text(text)
    text = " ".join(text.split())
    if not text:
        return mark_safe("")
    # Fold character by character, remembering where each folded character came from.
    folded, origin = [], []
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    folded = "".join(folded)
    spans = []
    for term in sorted(set(terms), key=len, reverse=True):
        for match in re.finditer(re.escape(term), folded):
            start = match.start()
            if start and folded[start - 1].isalnum():
                continue
            end = match.end()
            while end < len(folded) and folded[end].isalnum():  # mark the whole word
                end += 1
            spans.append((origin[start], origin[end - 1] + 1))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    begin, finish = 0, len(text)
    if not whole and len(text) > length:
        first = merged[0][0] if merged else 0
        begin = max(0, first - length // 3)
        if begin:
            space = text.find(" ", begin)
            begin = space + 1 if 0 <= space < first else begin
        finish = min(len(text), begin + length)
        if finish < len(text):
            space = text.rfind(" ", begin, finish)
            finish = space if space > max(begin, merged[0][1] if merged else begin) else finish
    out, cursor = [], begin
    for start, end in merged:
        if end <= begin or start >= finish:
            continue
        start, end = max(start, begin), min(end, finish)
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:finish]))
    prefix = "… " if begin else ""
    suffix = " …" if finish < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)


def _marks_to_html(text):
    """Text from ts_headline with START/STOP marks -> escaped HTML with <mark>."""
    text = " ".join(html.unescape(text or "").split())
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


class SearchResults:
    """The hits of a query, lazily counted and sliced (for a Paginator).

    ``count()`` runs one query; each slice runs two, whatever the size of
    the content.
    """

    def __init__(self, query, *, language=None, kinds=None):
        self.language = (language or get_language() or "fr")[:2]
        if self.language not in CONFIGS:
            self.language = "fr"
        self.query = query if isinstance(query, ParsedQuery) else parse_query(query, self.language)
        self.kinds = kinds or searchable_kinds()
        self.kinds_by_key = {kind.key: kind for kind in self.kinds}
        self.postgres = connection.vendor == "postgresql"
        self._count = None

    # The matching part, one union branch per kind.

    def _pg_query(self):
        return SearchQuery(self.query.text, config=CONFIGS[self.language], search_type="websearch")

    def _branch(self, kind):
        qs = kind.published()
        if self.postgres:
            vector = kind.search_vector(self.language)
            query = self._pg_query()
            return qs.alias(_vector=vector).filter(_vector=query).annotate(
                hit_kind=Value(kind.key), hit_pk=F("pk"), hit_rank=SearchRank(vector, query),
            )
        doc = Func(*(kind.column(n, self.language) for n in kind.all_fields()), function="oim_doc",
                   output_field=TextField())
        qs = qs.alias(_doc=doc)
        for clause in self.query.clauses:
            condition = Q()
            for term in clause:
                condition |= Q(_doc__contains=f" {term}")
            qs = qs.filter(condition)
        for term in self.query.excluded:
            qs = qs.exclude(_doc__contains=f" {term}")
        rank = Func(kind.column(kind.title, self.language), doc, Value("\t".join(self.query.terms)),
                    function="oim_rank", output_field=FloatField())
        return qs.annotate(hit_kind=Value(kind.key), hit_pk=F("pk"), hit_rank=rank)

    def _union(self):
        if not self.postgres:
            _install_sqlite_functions()
        branches = [self._branch(kind).order_by().values_list("hit_kind", "hit_pk", "hit_rank") for kind in self.kinds]
        first, *rest = branches
        return first.union(*rest, all=True)

    @cached_property
    def _union_sql(self):
        # Built and compiled once for the count and the page: the ORM's work
        # on seven branches costs more than either query on 10,000 releases.
        return self._union().query.sql_with_params()

    def count(self):
        if self._count is None:
            if self.query.problem:
                self._count = 0
            else:
                sql, params = self._union_sql
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT COUNT(*) FROM ({sql}) hits", params)
                    self._count = cursor.fetchone()[0]
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item:item + 1][0]
        if self.query.problem or self._count == 0:
            return []
        start, stop, _step = item.indices(10**9)
        if stop <= start:
            return []
        sql, params = self._union_sql
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT hit_kind, hit_pk, hit_rank FROM ({sql}) hits "
                f"ORDER BY hit_rank DESC, hit_kind, hit_pk DESC LIMIT %s OFFSET %s",
                (*params, stop - start, start),
            )
            rows = cursor.fetchall()
        return self._hits(rows)

    # The page's texts: one union of the kinds present, restricted to their ids.

    def _details(self, kind, pks):
        lang = self.language
        title = kind.column(kind.title, lang)
        fields = {
            "d_kind": Value(kind.key),
            "d_pk": F("pk"),
            "d_title": title,
            "d_fallback": (
                Value(False) if lang == "fr" or kind.title in kind.plain
                else Case(When(Q(**{f"{kind.title}_en": ""}) | Q(**{f"{kind.title}_en__isnull": True}),
                               then=Value(True)), default=Value(False))
            ),
            "d_slug": kind.slug_column(lang),
            "d_extra": Coalesce(F(kind.section_field), Value("")) if kind.section_field else Value(""),
            "d_date": F(kind.date) if kind.date else Cast(Value(None), DateTimeField()),
        }
        if self.postgres:
            query = self._pg_query()
            config = CONFIGS[lang]
            fields["d_title_hl"] = SearchHeadline(title, query, config=config, start_sel=START, stop_sel=STOP,
                                                  highlight_all=True)
            fields["d_excerpt"] = SearchHeadline(html_to_text_sql(kind.excerpt_source(lang)), query, config=config,
                                                 start_sel=START, stop_sel=STOP, max_words=35, min_words=15,
                                                 max_fragments=2, fragment_delimiter=" … ")
        else:
            fields["d_title_hl"] = Value("")
            fields["d_excerpt"] = kind.excerpt_source(lang)
        return kind.model._default_manager.filter(pk__in=pks).order_by().annotate(**fields).values_list(*fields)

    def _hits(self, rows):
        if not rows:
            return []
        by_kind = {}
        for key, pk, _rank in rows:
            by_kind.setdefault(key, []).append(pk)
        first, *rest = [self._details(self.kinds_by_key[key], pks) for key, pks in by_kind.items()]
        names = ("kind", "pk", "title", "fallback", "slug", "extra", "date", "title_hl", "excerpt")
        details = {(row[0], row[1]): dict(zip(names, row, strict=True))
                   for row in (first.union(*rest, all=True) if rest else first)}
        hits = []
        for key, pk, _rank in rows:
            row = details.get((key, pk))
            if row is None:  # unpublished between the two queries
                continue
            kind = self.kinds_by_key[key]
            if self.postgres:
                title = _marks_to_html(row["title_hl"] or row["title"])
                excerpt = _marks_to_html(row["excerpt"])
            else:
                title = _highlight(row["title"], self.query.terms, whole=True)
                excerpt = _highlight(row["excerpt"], self.query.terms)
            hits.append(Hit(kind=kind, title=title, url=kind.url(row), excerpt=excerpt, date=row["date"],
                            lang="fr" if row["fallback"] else ""))
        return hits


def search_content(*, query, language=None, kinds=None):
    """The published content matching ``query`` in ``language`` (the active one by default)."""
    return SearchResults(query, language=language, kinds=kinds)
