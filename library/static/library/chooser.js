/* The library chooser (library/widgets.py): after the admin's pop-up sets the hidden input
   (dismissRelatedLookupPopup / dismissAddRelatedObjectPopup trigger a jQuery "change"),
   show the chosen item's thumbnail and title; "Retirer" empties the choice. */
"use strict";
(function () {
    function show(chooser, item) {
        const preview = chooser.querySelector(".library-chooser__preview");
        const empty = chooser.querySelector(".library-chooser__empty");
        const clear = chooser.querySelector(".library-chooser__clear");
        const thumbnail = chooser.querySelector(".library-chooser__thumbnail");
        preview.hidden = !item;
        empty.hidden = !!item;
        clear.hidden = !item;
        chooser.querySelector(".library-chooser__title").textContent = item ? item.label : "";
        if (thumbnail) {
            thumbnail.hidden = !(item && item.thumbnail);
            thumbnail.src = item && item.thumbnail ? item.thumbnail : "";
        }
    }

    function refresh(chooser) {
        const input = chooser.querySelector("input[type=hidden]");
        if (!input.value) {
            show(chooser, null);
            return;
        }
        const url = chooser.dataset.previewUrl.replace(/0\/[^/]*\/?$/, "") + encodeURIComponent(input.value) + "/apercu/";
        fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (item) { show(chooser, item); })
            .catch(function () { show(chooser, null); });
    }

    function setUp(chooser) {
        if (chooser.dataset.ready) {
            return;
        }
        chooser.dataset.ready = "1";
        const input = chooser.querySelector("input[type=hidden]");
        window.django.jQuery(input).on("change", function () { refresh(chooser); });
        chooser.querySelector(".library-chooser__clear").addEventListener("click", function () {
            input.value = "";
            window.django.jQuery(input).trigger("change");
        });
    }

    function setUpAll() {
        document.querySelectorAll(".library-chooser").forEach(setUp);
    }

    document.addEventListener("DOMContentLoaded", setUpAll);
    // Inline rows added with "Ajouter un autre…" bring their own chooser.
    document.addEventListener("formset:added", setUpAll);
})();
