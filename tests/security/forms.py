"""Fill an admin form the way a browser would: from the HTML the admin renders.

Reading the fields off the page (instead of hard-coding them) keeps these
tests valid when a field, an inline or a widget is added to an admin.
"""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self._select = None
        self._multiple = False
        self._first_option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value") or "on"
                return
            self.data[name] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
            self._multiple = "multiple" in attrs
            self._first_option = None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                if self._multiple:
                    self.data.setdefault(self._select, []).append(value)
                else:
                    self.data[self._select] = value

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            # A multiple select with nothing chosen sends nothing; a single one sends its first option.
            if not self._multiple:
                self.data.setdefault(self._select, self._first_option or "")
            self._select = None


def admin_form_data(client, url, **values):
    """POST data for the admin form at url, as rendered, with values overriding fields."""
    response = client.get(url)
    assert response.status_code == 200, url
    opts = response.context["opts"]
    reader = _FormReader(f"{opts.model_name}_form")
    reader.feed(response.content.decode())
    data = {k: v for k, v in reader.data.items() if "__prefix__" not in k}
    data.update(values)
    return data
