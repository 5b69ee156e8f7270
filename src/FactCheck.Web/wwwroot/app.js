// Drafts: every named field inside an element with data-draft-key is saved to localStorage as it
// is typed, in the browser, so nothing is lost to a reload or a dropped server connection.
window.factcheck = window.factcheck || {};
window.factcheck.drafts = (function () {
    function save(form) {
        const key = form.getAttribute('data-draft-key');
        if (!key) return;
        const fields = {};
        let any = false;
        form.querySelectorAll('[name]').forEach(function (el) {
            if (el.type === 'hidden' && !el.value) return;
            fields[el.name] = el.value;
            if (el.value && el.type !== 'hidden' && el.tagName !== 'SELECT') any = true;
        });
        try {
            if (any) localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), fields: fields }));
            else localStorage.removeItem(key);
        } catch (e) { /* storage full or disabled: nothing more we can do here */ }
    }

    function onEdit(event) {
        const form = event.target.closest && event.target.closest('[data-draft-key]');
        if (form) save(form);
    }

    document.addEventListener('input', onEdit, true);
    document.addEventListener('change', onEdit, true);

    return {
        load: function (key) {
            try {
                const raw = localStorage.getItem(key);
                return raw ? JSON.parse(raw).fields : null;
            } catch (e) { return null; }
        },
        clear: function (key) { localStorage.removeItem(key); }
    };
})();

window.factcheck.markInteractive = function () { document.body.setAttribute('data-interactive', 'true'); };
