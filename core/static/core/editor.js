/* CKEditor's uploads carry Django's CSRF token (core.fields.EditorWidget).
   The image dialog's upload tab (filebrowserUploadMethod "xhr"), drag and drop and paste
   (the uploadimage plugin) all send an XMLHttpRequest through CKEditor's fileTools, which
   fires "fileUploadRequest" after opening it and before sending it (priorities 5 and 999).
   The token is read from the form, the cookie being HttpOnly. */
"use strict";
(function () {
    function token() {
        const input = document.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function watch(editor) {
        if (editor.oimCsrf) {
            return;
        }
        editor.oimCsrf = true;
        editor.on("fileUploadRequest", function (event) {
            event.data.fileLoader.xhr.setRequestHeader("X-CSRFToken", token());
        });
    }

    function setUp() {
        if (!window.CKEDITOR) {
            window.setTimeout(setUp, 50);
            return;
        }
        Object.keys(window.CKEDITOR.instances).forEach(function (name) { watch(window.CKEDITOR.instances[name]); });
        window.CKEDITOR.on("instanceCreated", function (event) { watch(event.editor); });
    }

    setUp();
})();
