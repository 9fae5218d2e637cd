/* "Parcourir le serveur" (library/editor.py): a click hands the file's address to the CKEditor
   dialog that opened this window, with the library's alternative text for an image. */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
    const list = document.querySelector(".library-browser");
    if (!list) {
        return;
    }
    const funcNum = list.dataset.funcNum;
    list.addEventListener("click", function (event) {
        const button = event.target.closest("button[data-url]");
        if (!button || !window.opener || !window.opener.CKEDITOR) {
            return;
        }
        const alt = button.dataset.alt;
        window.opener.CKEDITOR.tools.callFunction(funcNum, button.dataset.url, function () {
            const dialog = this.getDialog();
            const field = dialog && dialog.getName() === "image" && dialog.getContentElement("info", "txtAlt");
            if (field && alt && !field.getValue()) {
                field.setValue(alt);
            }
        });
        window.close();
    });
});
