/*
 * Title suggestions for search boxes (progressive enhancement).
 * Every <input data-suggest-url="…"> gets a <datalist> filled from the JSON
 * endpoint in data-suggest-url (/de/suche/vorschlaege/, /en/search/suggestions/:
 * {% url %} in the templates) while the visitor types. Without JavaScript the
 * form simply submits; the browser renders the datalist
 * accessibly (it is announced as a list of suggestions for the field).
 */
(function () {
    "use strict";

    var DELAY_MS = 200;
    var MIN_CHARS = 2;

    function enhance(input, index) {
        var url = input.getAttribute("data-suggest-url");
        if (!url || !window.fetch) {
            return;
        }
        var list = document.createElement("datalist");
        list.id = "search-suggestions-" + index;
        input.insertAdjacentElement("afterend", list);
        input.setAttribute("list", list.id);

        var timer = null;
        var lastQuery = "";
        var controller = null;

        function fill(items) {
            while (list.firstChild) {
                list.removeChild(list.firstChild);
            }
            items.forEach(function (item) {
                var option = document.createElement("option");
                option.value = item.title;
                option.label = item.type;
                list.appendChild(option);
            });
        }

        function load() {
            var query = input.value.trim();
            if (query.length < MIN_CHARS || query === lastQuery) {
                return;
            }
            lastQuery = query;
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            fetch(url + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    fill(data.suggestions || []);
                })
                .catch(function () {
                    /* aborted or offline: keep the plain search box */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(load, DELAY_MS);
        });
    }

    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i++) {
        enhance(inputs[i], i);
    }
})();
