/* The focal point widget (library/admin.py, FocalPointWidget): a click on the image stores
   "x,y" (fractions of its width and height) in the hidden input and shows a marker there. */
"use strict";
(function () {
    function setUp(widget) {
        const input = widget.querySelector("input[type=hidden]");
        const image = widget.querySelector(".library-focal__image");
        const marker = widget.querySelector(".library-focal__marker");
        if (!image) {
            return;
        }
        function place() {
            const parts = input.value.split(",").map(Number);
            const valid = parts.length === 2 && parts.every(function (n) { return isFinite(n) && n >= 0 && n <= 1; });
            marker.hidden = !valid;
            if (valid) {
                // In pixels from the image, not in percent of the frame: the frame can be wider than the
                // image it holds (an inline-block sized by the image's width attribute, the image then
                // scaled down by its max-width), and the marker would stand beside the point clicked.
                marker.style.left = (image.offsetLeft + parts[0] * image.offsetWidth) + "px";
                marker.style.top = (image.offsetTop + parts[1] * image.offsetHeight) + "px";
            }
        }
        image.addEventListener("click", function (event) {
            const box = image.getBoundingClientRect();
            const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
            const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
            input.value = x.toFixed(4) + "," + y.toFixed(4);
            input.dispatchEvent(new Event("change", {bubbles: true}));
            place();
        });
        widget.querySelector(".library-focal__clear").addEventListener("click", function () {
            input.value = "";
            input.dispatchEvent(new Event("change", {bubbles: true}));
            place();
        });
        place();
        // The image's box is known once it has loaded, and changes with the window.
        image.addEventListener("load", place);
        window.addEventListener("resize", place);
    }
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll(".library-focal").forEach(setUp);
    });
})();
