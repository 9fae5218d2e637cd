/* Leaving a change form with unsaved changes asks first (issue 11).
 *
 * The form is dirty once a named field receives input or changes, a
 * CKEditor 4 instance changes, a multiple-choice selector moves an entry or
 * an inline row is added or removed. Submitting the form itself ("Enregistrer",
 * "Publier"…) never asks. Loaded on every admin page by
 * templates/admin/base_site.html; does nothing outside a change form.
 */
(function () {
    "use strict";

    var form = document.querySelector("body.change-form #content-main form");
    if (!form) {
        return;
    }
    var dirty = false;
    var submitting = false;

    function markDirty() {
        dirty = true;
    }

    // A form shown again with errors holds what the editor typed and has not saved.
    if (document.querySelector(".errornote")) {
        markDirty();
    }

    function onField(event) {
        var target = event.target;
        // Unnamed inputs are tools, not content (the search box of a multiple-choice selector).
        if (target && target.name && target.name !== "editorial_token" && !target.name.endsWith("-TOTAL_FORMS")) {
            markDirty();
        }
    }
    form.addEventListener("input", onField);
    form.addEventListener("change", onField);

    // Widgets that change the form without an input event of their own.
    form.addEventListener("click", function (event) {
        if (event.target.closest(".selector-chooser a, .selector-chooseall, .selector-clearall, " +
                                 ".add-row a, .inline-deletelink")) {
            markDirty();
        }
    });
    form.addEventListener("dblclick", function (event) {
        if (event.target.closest(".selector select")) {
            markDirty();
        }
    });

    form.addEventListener("submit", function () {
        submitting = true;
    });

    function editors() {
        var found = [];
        if (window.CKEDITOR) {
            for (var name in window.CKEDITOR.instances) {
                found.push(window.CKEDITOR.instances[name]);
            }
        }
        return found;
    }

    function watch(editor) {
        if (editor.oimUnsavedWatched) {
            return;
        }
        editor.oimUnsavedWatched = true;
        editor.on("change", function () {
            if (editor.checkDirty()) {
                markDirty();
            }
        });
    }

    if (window.CKEDITOR) {
        editors().forEach(watch);
        window.CKEDITOR.on("instanceReady", function (event) {
            watch(event.editor);
        });
    }

    window.addEventListener("beforeunload", function (event) {
        if (submitting) {
            return undefined;
        }
        var changed = dirty || editors().some(function (editor) {
            return editor.status === "ready" && editor.checkDirty();
        });
        if (!changed) {
            return undefined;
        }
        event.preventDefault();
        event.returnValue = "";  // the browser writes its own question
        return "";
    });
}());
