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
page of hits (kind, id, rank) and the texts of that page's hits; two when the
caller says which page it will show (``window``): the count then comes with
that page (``COUNT(*) OVER ()``). Texts of the current language are read from
the ``_fr`` / ``_en`` columns by name; English falls back to French field by
field, like the rest of the site.

On PostgreSQL the SQL of both is built by the ORM once per process (per
language and set of kinds), with stand-ins for the query text, the moment
"now" and the ids, and then only its parameters change (:class:`CompiledSQL`):
building seven union branches with the ORM cost more than running them.
"""

import datetime
import html
import re
import threading
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
from django.db.models import BooleanField, Case, DateTimeField, F, FloatField, Func, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.utils import timezone
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


def _trie(words):
    """An alternation of ``words`` as a trie of non-capturing groups: "a(?:ddress|rticle|side)|b(?:lockquote|r)|…"."""
    by_first = {}
    for word in sorted(set(words)):
        by_first.setdefault(word[:1], []).append(word[1:])
    branches = []
    for first, rests in by_first.items():
        if not first:
            continue
        optional = "" in rests
        rests = [rest for rest in rests if rest]
        if not rests:
            branches.append(re.escape(first))
        elif len(rests) == 1 and not optional:
            branches.append(re.escape(first + rests[0]))
        else:
            branches.append(f"{re.escape(first)}(?:{_trie(rests)}){'?' if optional else ''}")
    return "|".join(branches)


#: BLOCK_TAG for PostgreSQL, matching the same tags: its names as a trie, without capturing groups. PostgreSQL's
#: engine runs the flat, capturing alternation about four times slower (0.5 ms per release body: most of the cost
#: of a page of excerpts).
BLOCK_TAG_SQL = r"</?(?:" + _trie(BLOCK_ELEMENTS) + r")(?:[[:space:]/][^>]*)?>"


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
    spaced = Func(expression, Value(BLOCK_TAG_SQL), Value(" "), Value("gi"), function="regexp_replace",
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


#: Stand-ins for what changes from one search to the next in SQL compiled once (see CompiledSQL). Private-use
#: characters: no parameter of the ORM's own can be equal to them.
QUERY_STAND_IN = "\ue002oim-search-query\ue003"
_IDS_STAND_IN = "\ue002oim-search-ids:"


def _ids_stand_in(key):
    return f"{_IDS_STAND_IN}{key}\ue003"


@dataclass(frozen=True)
class CompiledSQL:
    """SQL the ORM built once, and where its parameters change from one search to the next.

    ``slots`` are (index, what) pairs: "query" (the text searched), "now"
    (the moment the visibility rules compare dates with) or ("ids", key) (the
    ids of one kind's hits). Every other parameter is a constant of the SQL.
    """

    sql: str
    params: tuple
    slots: tuple

    def bind(self, *, query, now, ids=None):
        params = list(self.params)
        for index, what in self.slots:
            if what == "query":
                params[index] = query
            elif what == "now":
                params[index] = now
            else:
                params[index] = list(ids[what[1]])
        return self.sql, params


def compile_sql(build, id_keys=()):
    """(CompiledSQL of ``build()``'s queryset, whether it may be kept for later searches).

    ``build()`` is given the stand-ins instead of the query text and the ids.
    The visibility rules (each kind's ``published()``) read ``timezone.now()``
    while the queryset is built: a date parameter between the moments before
    and after the build is that "now", and becomes a slot. A date outside that
    window would be a constant or a moment derived from now (a week ago…): the
    SQL is then used for this search only and never kept.
    """
    before = timezone.now()
    sql, params = build().query.sql_with_params()
    after = timezone.now()
    stand_ins = {_ids_stand_in(key): ("ids", key) for key in id_keys}
    slots, keep = [], True
    for index, value in enumerate(params):
        if isinstance(value, str):
            if value == QUERY_STAND_IN:
                slots.append((index, "query"))
            elif value in stand_ins:
                slots.append((index, stand_ins[value]))
        elif isinstance(value, datetime.datetime):
            try:
                is_now = before <= value <= after
            except TypeError:  # a naive date among aware ones
                is_now = False
            if is_now:
                slots.append((index, "now"))
            else:
                keep = False
    return CompiledSQL(sql, tuple(params), tuple(slots)), keep


class _CompiledCache:
    """SQL compiled once per process, by language and set of kinds (a handful of entries)."""

    def __init__(self, size=256):
        self.size = size
        self.entries = {}
        self.lock = threading.Lock()

    def get(self, key, kinds, build, id_keys=()):
        # Kinds are told apart by their registered documents (ids, the entry keeps the objects alive).
        documents = tuple(kind.document for kind in kinds)
        full_key = (*key, tuple(id(document) for document in documents))
        entry = self.entries.get(full_key)
        if entry is not None and all(a is b for a, b in zip(entry[0], documents, strict=True)):
            return entry[1]
        compiled, keep = compile_sql(build, id_keys)
        if keep:
            with self.lock:
                if len(self.entries) >= self.size:
                    self.entries.clear()
                self.entries[full_key] = (documents, compiled)
        return compiled

    def clear(self):
        with self.lock:
            self.entries.clear()


compiled_sql = _CompiledCache()


def _fetch_dicts(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class SearchResults:
    """The hits of a query, lazily counted and sliced (for a Paginator).

    ``count()`` runs one query; each slice runs two, whatever the size of
    the content. With ``window=(start, stop)``, the slice the caller will
    ask for, ``count()`` reads that slice's hits with the count, in one query,
    and that slice then runs one (its texts).
    """

    def __init__(self, query, *, language=None, kinds=None, window=None):
        self.language = (language or get_language() or "fr")[:2]
        if self.language not in CONFIGS:
            self.language = "fr"
        self.query = query if isinstance(query, ParsedQuery) else parse_query(query, self.language)
        self.kinds = kinds or searchable_kinds()
        self.kinds_by_key = {kind.key: kind for kind in self.kinds}
        self.postgres = connection.vendor == "postgresql"
        self.window = window
        self._count = None
        self._window_rows = None

    # The matching part, one union branch per kind.

    def _pg_query(self, text=None):
        return SearchQuery(self.query.text if text is None else text, config=CONFIGS[self.language],
                           search_type="websearch")

    def _branch(self, kind, text=None):
        qs = kind.published()
        if self.postgres:
            vector = kind.search_vector(self.language)
            query = self._pg_query(text)
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

    def _union(self, text=None):
        if not self.postgres:
            _install_sqlite_functions()
        branches = [self._branch(kind, text).order_by().values_list("hit_kind", "hit_pk", "hit_rank")
                    for kind in self.kinds]
        first, *rest = branches
        return first.union(*rest, all=True)

    @cached_property
    def _union_sql(self):
        # Built once for the count and the page. On PostgreSQL the ORM builds it once per process and language
        # (the query text is one parameter); the SQLite engine's SQL has one condition per term.
        if not self.postgres:
            return self._union().query.sql_with_params()
        compiled = compiled_sql.get(("union", self.language), self.kinds, lambda: self._union(QUERY_STAND_IN))
        return compiled.bind(query=self.query.text, now=timezone.now())

    def _page_rows(self, start, stop, *, with_count=False):
        sql, params = self._union_sql
        total = ", COUNT(*) OVER () AS total" if with_count else ""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT hit_kind, hit_pk, hit_rank{total} FROM ({sql}) hits "
                f"ORDER BY hit_rank DESC, hit_kind, hit_pk DESC LIMIT %s OFFSET %s",
                (*params, stop - start, start),
            )
            return cursor.fetchall()

    def count(self):
        if self._count is None:
            if self.query.problem:
                self._count = 0
            elif self.window is not None and self.window[1] > self.window[0] >= 0:
                # The count rides on the page the caller will show (a window function: same scan).
                start, stop = self.window
                rows = self._page_rows(start, stop, with_count=True)
                if rows or not start:
                    self._count = rows[0][3] if rows else 0
                    self._window_rows = (start, [row[:3] for row in rows])
            if self._count is None:
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
        if self._window_rows is not None:
            first, rows = self._window_rows
            # The rows read with the count cover this slice when it lies within them, or when they reach the
            # last hit (the paginator's last page is cut at the count).
            end = first + len(rows)
            if first <= start and (stop <= end or end >= self._count):
                return self._hits(rows[start - first:stop - first])
        return self._hits(self._page_rows(start, stop))

    # The page's texts: one union of the kinds present, restricted to their ids.

    def _details(self, kind, pks, text=None):
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
            query = self._pg_query(text)
            config = CONFIGS[lang]
            fields["d_title_hl"] = SearchHeadline(title, query, config=config, start_sel=START, stop_sel=STOP,
                                                  highlight_all=True)
            fields["d_excerpt"] = SearchHeadline(html_to_text_sql(kind.excerpt_source(lang)), query, config=config,
                                                 start_sel=START, stop_sel=STOP, max_words=35, min_words=15,
                                                 max_fragments=2, fragment_delimiter=" … ")
        else:
            fields["d_title_hl"] = Value("")
            fields["d_excerpt"] = kind.excerpt_source(lang)
        if isinstance(pks, str):  # the stand-in of compiled SQL: "id = ANY(<the ids>)"
            found = kind.model._default_manager.filter(
                Func(F("pk"), Value(pks), arg_joiner=" = ANY(", template="(%(expressions)s))",
                     output_field=BooleanField()))
        else:
            found = kind.model._default_manager.filter(pk__in=pks)
        return found.order_by().annotate(**fields).values_list(*fields)

    def _details_rows(self, by_kind):
        """{(kind, pk): row} of the hits' texts."""
        names = ("kind", "pk", "title", "fallback", "slug", "extra", "date", "title_hl", "excerpt")
        if self.postgres:
            keys = tuple(by_kind)

            def build():
                first, *rest = [self._details(self.kinds_by_key[key], _ids_stand_in(key), QUERY_STAND_IN)
                                for key in keys]
                return first.union(*rest, all=True) if rest else first

            compiled = compiled_sql.get(("details", self.language, keys), self.kinds, build, id_keys=keys)
            rows = _fetch_dicts(*compiled.bind(query=self.query.text, now=timezone.now(), ids=by_kind))
            rows = [{name: row[f"d_{name}"] for name in names} for row in rows]
        else:
            first, *rest = [self._details(self.kinds_by_key[key], pks) for key, pks in by_kind.items()]
            rows = [dict(zip(names, row, strict=True)) for row in (first.union(*rest, all=True) if rest else first)]
        return {(row["kind"], row["pk"]): row for row in rows}

    def _hits(self, rows):
        if not rows:
            return []
        by_kind = {}
        for key, pk, _rank in rows:
            by_kind.setdefault(key, []).append(pk)
        details = self._details_rows(by_kind)
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


def search_content(*, query, language=None, kinds=None, window=None):
    """The published content matching ``query`` in ``language`` (the active one by default).

    ``window``: the (start, stop) slice the caller will show, read with the count (see SearchResults).
    """
    return SearchResults(query, language=language, kinds=kinds, window=window)
